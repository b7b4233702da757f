using OfficeFlow.Functions.Auth;

namespace OfficeFlow.Functions.Addin;

/// <summary>GET /addin/config.json: how the panes reach the API and sign in, generated from the app's settings so the
/// built add-in needs no rebuild per environment.</summary>
public sealed record AddinConfig(string ApiBase, AddinAuthConfig Auth)
{
    public static AddinConfig From(AuthSettings auth, AddinSettings addin) => new("/api", new AddinAuthConfig(
        auth.Mode.ToString(),
        addin.ClientId,
        auth.Mode == AuthMode.EntraId ? auth.Authority : null,
        auth.Mode == AuthMode.EntraId ? $"{auth.ApplicationIdUri}/{auth.Scope}" : null));
}

/// <summary><see cref="Mode"/> is "Development" or "EntraId"; the rest is what MSAL needs, null in Development mode
/// (<see cref="ClientId"/> is the add-in's registration, <c>Addin:ClientId</c>, not the API's).</summary>
public sealed record AddinAuthConfig(string Mode, string? ClientId, string? Authority, string? Scope);
