using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using OfficeFlow.Functions.Graph;

namespace OfficeFlow.Tests.Infrastructure;

/// <summary>
/// Real Graph SDK clients aimed at a <see cref="GraphStub"/>: the SDK's own middleware (retry, Retry-After) runs,
/// only the token is fixed. <see cref="Settings"/> plus <see cref="UseStubCredential"/> make a whole app use the
/// stub through GraphModule's own registrations.
/// </summary>
public static class GraphTestClient
{
    public const string Token = "stub-graph-token";
    public const string Mailbox = "office@firm.example";
    public const string DriveId = "drive-1";
    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    public const string ClientId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    /// <summary>A placeholder for the app registration's credential: only the loopback stub ever sees it.</summary>
    public const string PlaceholderCredential = "not-used-by-tests";

    /// <summary>A GraphServiceClient on the stub's base URL, sending <c>Authorization: Bearer stub-graph-token</c>.</summary>
    public static GraphServiceClient Create(GraphStub stub, string token = Token) =>
        GraphClients.Create(new BaseBearerTokenAuthenticationProvider(new StaticAccessTokenProvider(token)), stub.BaseUrl);

    /// <summary>Graph settings that turn Graph mode on against the stub (the secret is never used: see <see cref="UseStubCredential"/>).</summary>
    public static IReadOnlyDictionary<string, string?> Settings(GraphStub stub) => new Dictionary<string, string?>
    {
        ["Graph:TenantId"] = TenantId,
        ["Graph:ClientId"] = ClientId,
        ["Graph:ClientSecret"] = PlaceholderCredential,
        ["Graph:BaseUrl"] = stub.BaseUrl,
        ["Graph:Mailbox"] = Mailbox,
        ["Graph:DriveId"] = DriveId,
        ["Graph:ArchiveFolder"] = "OfficeFlow",
    };

    /// <summary>Replaces the app-only credential with one that hands out <see cref="Token"/> without calling Entra ID.</summary>
    public static IServiceCollection UseStubCredential(this IServiceCollection services, string token = Token) =>
        services.AddSingleton(new GraphAppCredential(new StaticTokenCredential(token)));

    private sealed class StaticAccessTokenProvider(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }

    private sealed class StaticTokenCredential(string token) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
