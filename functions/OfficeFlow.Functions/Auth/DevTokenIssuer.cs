using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OfficeFlow.Functions.Auth;

/// <summary>What a development token says about its holder.</summary>
/// <param name="Scope">The delegated scope put in "scp": the API's <see cref="AuthSettings.Scope"/> (default <see cref="AuthSettings.DefaultScope"/>).</param>
public sealed record DevTokenRequest(string UserId, IReadOnlyList<string> Roles, string? Name = null, TimeSpan? Lifetime = null, string? Scope = null);

/// <summary>
/// Mints the tokens Development mode accepts (issuer <see cref="Issuer"/>, audience <see cref="Audience"/>, HS256).
/// Shared by <c>officeflow dev-token</c> and the tests, so both produce exactly what the app validates.
/// </summary>
public static class DevTokenIssuer
{
    public const string Issuer = "officeflow-dev";
    public const string Audience = "officeflow-api";
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(480);

    public static string Issue(byte[] signingKey, DevTokenRequest request, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.UserId);
        if (signingKey.Length < DevSigningKey.MinimumBytes)
        {
            throw new ArgumentException($"The signing key needs at least {DevSigningKey.MinimumBytes} bytes.", nameof(signingKey));
        }

        var lifetime = request.Lifetime ?? DefaultLifetime;
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "The token lifetime must be positive.");
        }

        var now = (timeProvider ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = request.UserId,
            ["name"] = string.IsNullOrWhiteSpace(request.Name) ? request.UserId : request.Name,
            // Same shape as an Entra ID delegated token: roles as an array, the API scope in "scp".
            ["roles"] = request.Roles.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.Ordinal).ToArray(),
            ["scp"] = string.IsNullOrWhiteSpace(request.Scope) ? AuthSettings.DefaultScope : request.Scope,
        };

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
