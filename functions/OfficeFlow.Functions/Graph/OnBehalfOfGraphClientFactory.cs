using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Identity.Client;
using Microsoft.Kiota.Abstractions.Authentication;

namespace OfficeFlow.Functions.Graph;

/// <summary>
/// On-behalf-of Graph clients through MSAL. One confidential client application for the process, so MSAL's
/// in-memory cache reuses a user's Graph token until it nears expiry. The app proves itself with the client
/// secret, or, with managed identity, with a managed-identity token as a federated client assertion.
/// </summary>
public sealed class OnBehalfOfGraphClientFactory : IGraphClientFactory
{
    private readonly GraphSettings _settings;
    private readonly IConfidentialClientApplication _msal;

    public OnBehalfOfGraphClientFactory(GraphSettings settings, IMsalHttpClientFactory? httpClientFactory = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.CanActOnBehalfOfUsers)
        {
            throw new InvalidOperationException(settings.IsConfigured
                ? "On-behalf-of Graph calls need the API's app registration: set Graph:ClientId (or Auth:ClientId)."
                : "Graph is not configured (local mode): set the Graph:* settings to act on behalf of users.");
        }

        _settings = settings;
        var builder = ConfidentialClientApplicationBuilder.Create(settings.ClientId)
            .WithAuthority(settings.Instance + settings.TenantId);
        builder = settings.UseManagedIdentity ? builder.WithClientAssertion(ManagedIdentityAssertion(settings)) : builder.WithClientSecret(settings.ClientSecret);
        if (httpClientFactory is not null)
        {
            builder = builder.WithHttpClientFactory(httpClientFactory).WithInstanceDiscovery(false);
        }

        _msal = builder.Build();
    }

    public GraphServiceClient ForUser(string userAccessToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userAccessToken);
        var provider = new BaseBearerTokenAuthenticationProvider(new OnBehalfOfTokenProvider(_msal, userAccessToken, [_settings.DefaultScope], GraphClients.AllowedHosts(_settings.BaseUrl)));
        return GraphClients.Create(provider, _settings.BaseUrl);
    }

    private static Func<AssertionRequestOptions, Task<string>> ManagedIdentityAssertion(GraphSettings settings)
    {
        var identity = settings.ManagedIdentityClientId is null
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(settings.ManagedIdentityClientId);
        var credential = new ManagedIdentityCredential(identity);
        return async options =>
        {
            var token = await credential.GetTokenAsync(new TokenRequestContext(["api://AzureADTokenExchange/.default"]), options.CancellationToken).ConfigureAwait(false);
            return token.Token;
        };
    }

    private sealed class OnBehalfOfTokenProvider(IConfidentialClientApplication msal, string userToken, string[] scopes, string[] allowedHosts) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new(allowedHosts);

        public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            if (!AllowedHostsValidator.IsUrlHostValid(uri))
            {
                return "";
            }

            var result = await msal.AcquireTokenOnBehalfOf(scopes, new UserAssertion(userToken)).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return result.AccessToken;
        }
    }
}
