using Azure.Core;
using Azure.Identity;

namespace OfficeFlow.Functions.Graph;

/// <summary>
/// The credential for app-only Graph calls (timers): a client secret, or the Function App's managed identity.
/// A separate type so tests can register one that hands out a fixed token.
/// </summary>
public sealed class GraphAppCredential(TokenCredential credential)
{
    public TokenCredential Credential { get; } = credential ?? throw new ArgumentNullException(nameof(credential));

    public static GraphAppCredential From(GraphSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.UseManagedIdentity)
        {
            var id = settings.ManagedIdentityClientId is null
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(settings.ManagedIdentityClientId);
            return new GraphAppCredential(new ManagedIdentityCredential(id));
        }

        var options = new ClientSecretCredentialOptions { AuthorityHost = new Uri(settings.Instance) };
        return new GraphAppCredential(new ClientSecretCredential(settings.TenantId, settings.ClientId, settings.ClientSecret, options));
    }
}
