using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Auth;

/// <summary>
/// Plays Entra ID's OpenID metadata for one tenant on a loopback stub: the openid-configuration and the JWKS of
/// an RSA key, and signs tokens with that key the way Entra ID shapes them (v2 issuer, tid, oid, scp/roles).
/// </summary>
internal sealed class EntraIdStub : IAsyncDisposable
{
    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    public const string OtherTenantId = "99999999-8888-7777-6666-555555555555";
    public const string ClientId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    public const string KeyId = "stub-key-1";

    private readonly GraphStub _stub;
    private readonly RSA _rsa = RSA.Create(2048);

    private EntraIdStub(GraphStub stub) => _stub = stub;

    public static string V2Issuer(string tenant) => $"https://login.microsoftonline.com/{tenant}/v2.0";

    public static string V1Issuer(string tenant) => $"https://sts.windows.net/{tenant}/";

    public string MetadataAddress => $"{_stub.Origin}/{TenantId}/v2.0/.well-known/openid-configuration";

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:Mode"] = "EntraId",
        ["Auth:TenantId"] = TenantId,
        ["Auth:ClientId"] = ClientId,
        ["Auth:MetadataAddress"] = MetadataAddress,
    };

    public static async Task<EntraIdStub> StartAsync()
    {
        var stub = await GraphStub.StartAsync();
        var entra = new EntraIdStub(stub);
        var parameters = entra._rsa.ExportParameters(false);
        stub.OnJson("GET", $"/{TenantId}/v2.0/.well-known/openid-configuration", 200, new Dictionary<string, object>
        {
            ["issuer"] = V2Issuer(TenantId),
            ["jwks_uri"] = $"{stub.Origin}/{TenantId}/discovery/v2.0/keys",
            ["authorization_endpoint"] = $"{stub.Origin}/{TenantId}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{stub.Origin}/{TenantId}/oauth2/v2.0/token",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        });
        stub.OnJson("GET", $"/{TenantId}/discovery/v2.0/keys", 200, new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", kid = KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
            },
        });
        return entra;
    }

    /// <summary>A delegated (user) token as Entra ID issues it for the API; override any claim through the arguments.</summary>
    public string UserToken(
        string oid = "user-oid-1",
        string[]? roles = null,
        string? scope = "access_as_user",
        string? issuer = null,
        string? tenant = TenantId,
        string audience = ClientId,
        DateTime? expires = null,
        RSA? signWith = null)
    {
        var claims = new Dictionary<string, object> { ["oid"] = oid, ["sub"] = "pairwise-" + oid, ["name"] = "Анна Петрова" };
        if (tenant is not null)
        {
            claims["tid"] = tenant;
        }

        if (scope is not null)
        {
            claims["scp"] = scope;
        }

        if (roles is { Length: > 0 })
        {
            claims["roles"] = roles;
        }

        var now = DateTime.UtcNow;
        var key = new RsaSecurityKey(signWith ?? _rsa) { KeyId = KeyId };
        var expiry = expires ?? now.AddHours(1);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? V2Issuer(TenantId),
            Audience = audience,
            IssuedAt = expiry.AddHours(-1),
            NotBefore = expiry.AddHours(-1),
            Expires = expiry,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>An app-only token (client credentials): roles, no scp.</summary>
    public string AppToken(params string[] roles) => UserToken(oid: "app-oid-1", roles: roles, scope: null);

    public async ValueTask DisposeAsync()
    {
        _rsa.Dispose();
        await _stub.DisposeAsync();
    }
}
