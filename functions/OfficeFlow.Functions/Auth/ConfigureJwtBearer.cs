using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace OfficeFlow.Functions.Auth;

/// <summary>Fills the JwtBearer options from <see cref="AuthSettings"/> when the scheme is first used.</summary>
internal sealed class ConfigureJwtBearer(AuthSettings settings, TimeProvider timeProvider) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(JwtBearerOptions options) => Configure(JwtBearerDefaults.AuthenticationScheme, options);

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        // Keep the claim names of the token ("roles", "oid", "scp") instead of the WS-Federation URIs.
        options.MapInboundClaims = false;
        var parameters = options.TokenValidationParameters;
        parameters.NameClaimType = "name";
        parameters.RoleClaimType = "roles";
        parameters.RequireExpirationTime = true;
        parameters.RequireSignedTokens = true;
        parameters.ValidateIssuer = true;
        parameters.ValidateAudience = true;
        parameters.ValidateLifetime = true;
        parameters.ClockSkew = AuthSettings.ClockSkew;
        parameters.LifetimeValidator = ValidateLifetime;

        if (settings.Mode == AuthMode.Development)
        {
            parameters.ValidIssuer = DevTokenIssuer.Issuer;
            parameters.ValidAudience = DevTokenIssuer.Audience;
            parameters.IssuerSigningKey = new SymmetricSecurityKey(settings.DevSigningKey);
            parameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            return;
        }

        options.MetadataAddress = settings.MetadataAddress;
        options.RequireHttpsMetadata = new Uri(settings.MetadataAddress).Scheme == Uri.UriSchemeHttps;
        parameters.ValidIssuers = settings.Issuers;
        parameters.ValidAudiences = settings.Audiences;
        parameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
        options.Events = new JwtBearerEvents { OnTokenValidated = RequireOurTenant };
    }

    // The issuer already names the tenant; "tid" is checked too because a multi-tenant metadata override
    // (or a v1 issuer) must never let another organisation's users in.
    private Task RequireOurTenant(TokenValidatedContext context)
    {
        var tid = context.Principal?.FindFirst("tid")?.Value;
        if (!string.Equals(tid, settings.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            context.Fail(new TokenRejectedException(TokenRejection.WrongTenant, $"The token's tenant '{tid}' is not this API's tenant."));
        }

        return Task.CompletedTask;
    }

    // Lifetime measured on the injected clock, so tests with a fake clock see what production sees.
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiry.");
        }

        if (now - parameters.ClockSkew > expires.Value)
        {
            throw new SecurityTokenExpiredException($"The token expired at {expires.Value:O}.") { Expires = expires.Value };
        }

        if (notBefore is not null && now + parameters.ClockSkew < notBefore.Value)
        {
            throw new SecurityTokenNotYetValidException($"The token is valid only from {notBefore.Value:O}.") { NotBefore = notBefore.Value };
        }

        return true;
    }
}
