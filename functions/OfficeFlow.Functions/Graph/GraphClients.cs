using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace OfficeFlow.Functions.Graph;

/// <summary>Builds GraphServiceClients on the SDK's default middleware (retry honouring 429/503 Retry-After, redirects, compression).</summary>
public static class GraphClients
{
    /// <summary>
    /// A client that sends to <paramref name="baseUrl"/> (e.g. https://graph.microsoft.com/v1.0, or a test stub).
    /// The SDK's RetryHandler is the one owner of retries on this path: callers must not add their own.
    /// </summary>
    public static GraphServiceClient Create(IAuthenticationProvider authenticationProvider, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(authenticationProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(baseUrl);
        var httpClient = GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers());
        return new GraphServiceClient(httpClient, authenticationProvider, baseUrl.TrimEnd('/'));
    }

    /// <summary>The hosts a token may be sent to: only the configured Graph host, never a URL a response points at.</summary>
    public static string[] AllowedHosts(string baseUrl) => [new Uri(baseUrl).Host];
}
