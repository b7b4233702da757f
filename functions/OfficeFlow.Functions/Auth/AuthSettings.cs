namespace OfficeFlow.Functions.Auth;

/// <summary>
/// The validated <c>Auth:*</c> settings. Loading fails with an <see cref="AuthConfigurationException"/>
/// naming the setting to fix, so a misconfigured app stops at start-up instead of rejecting every call.
/// </summary>
public sealed record AuthSettings
{
    public const string DefaultInstance = "https://login.microsoftonline.com/";
    public const string DefaultScope = "access_as_user";

    /// <summary>Clock skew allowed when checking a token's lifetime: small, so an expired token is rejected within minutes.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    public required AuthMode Mode { get; init; }

    /// <summary>The scope a delegated (user) token must carry in "scp".</summary>
    public string Scope { get; init; } = DefaultScope;

    // Entra ID mode.
    public string TenantId { get; init; } = "";
    public IReadOnlyList<string> Audiences { get; init; } = [];
    public IReadOnlyList<string> Issuers { get; init; } = [];
    public string MetadataAddress { get; init; } = "";

    // Development mode.
    public byte[] DevSigningKey { get; init; } = [];
    public string DevSigningKeySource { get; init; } = "";

    public static AuthSettings Load(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        var mode = ReadMode(configuration, environment);
        var scope = NonEmpty(configuration["Auth:Scope"]) ?? DefaultScope;
        return mode == AuthMode.Development
            ? LoadDevelopment(configuration, environment, scope)
            : LoadEntraId(configuration, scope);
    }

    private static AuthMode ReadMode(IConfiguration configuration, IHostEnvironment environment)
    {
        var text = NonEmpty(configuration["Auth:Mode"]);
        if (text is null)
        {
            return environment.IsDevelopment() ? AuthMode.Development : AuthMode.EntraId;
        }

        if (!Enum.TryParse<AuthMode>(text, ignoreCase: true, out var mode) || !Enum.IsDefined(mode))
        {
            throw new AuthConfigurationException($"Auth:Mode '{text}' is not known: use 'EntraId' (production) or 'Development' (local signing key).");
        }

        return mode;
    }

    private static AuthSettings LoadDevelopment(IConfiguration configuration, IHostEnvironment environment, string scope)
    {
        // A development key lets anyone with the key mint any role: never silently in a deployed app.
        if (!environment.IsDevelopment() && !configuration.GetValue("Auth:AllowDevelopmentMode", false))
        {
            throw new AuthConfigurationException(
                $"Auth:Mode is 'Development' but the environment is '{environment.EnvironmentName}': set Auth:Mode=EntraId " +
                "with Auth:TenantId and Auth:ClientId, or set Auth:AllowDevelopmentMode=true if this really is a test installation.");
        }

        var (key, source) = Auth.DevSigningKey.Resolve(configuration);
        return new AuthSettings { Mode = AuthMode.Development, Scope = scope, DevSigningKey = key, DevSigningKeySource = source };
    }

    private static AuthSettings LoadEntraId(IConfiguration configuration, string scope)
    {
        var tenantId = NonEmpty(configuration["Auth:TenantId"])
            ?? throw new AuthConfigurationException("Auth:TenantId is missing: set it to your Entra ID tenant id (a GUID), or set Auth:Mode=Development for a local run.");
        if (!Guid.TryParse(tenantId, out _))
        {
            throw new AuthConfigurationException($"Auth:TenantId '{tenantId}' is not a tenant id: use the GUID shown as 'Directory (tenant) ID' in Entra ID.");
        }

        var configuredAudience = NonEmpty(configuration["Auth:Audience"]);
        // v2.0 tokens carry the bare client id as audience, v1.0 tokens the api:// URI: accept both forms.
        var clientId = NonEmpty(configuration["Auth:ClientId"]) ?? ClientIdOfApiUri(configuredAudience);
        var audience = configuredAudience ?? (clientId is null ? null : $"api://{clientId}");
        if (audience is null)
        {
            throw new AuthConfigurationException("Auth:ClientId is missing: set it to the API app registration's 'Application (client) ID' (Auth:Audience defaults to api://<client id>).");
        }

        var instance = NonEmpty(configuration["Auth:Instance"]) ?? DefaultInstance;
        if (!Uri.TryCreate(instance, UriKind.Absolute, out var instanceUri) || instanceUri.Scheme != Uri.UriSchemeHttps)
        {
            throw new AuthConfigurationException($"Auth:Instance '{instance}' is not an https URL such as {DefaultInstance}.");
        }

        var instanceBase = instance.TrimEnd('/') + "/";
        var metadata = NonEmpty(configuration["Auth:MetadataAddress"]) ?? $"{instanceBase}{tenantId}/v2.0/.well-known/openid-configuration";
        if (!Uri.TryCreate(metadata, UriKind.Absolute, out var metadataUri)
            || (metadataUri.Scheme != Uri.UriSchemeHttps && !(metadataUri.Scheme == Uri.UriSchemeHttp && metadataUri.IsLoopback)))
        {
            throw new AuthConfigurationException($"Auth:MetadataAddress '{metadata}' must be an https URL (plain http is accepted only on loopback, for tests).");
        }

        return new AuthSettings
        {
            Mode = AuthMode.EntraId,
            Scope = scope,
            TenantId = tenantId,
            Audiences = clientId is null || clientId == audience ? [audience] : [audience, clientId],
            // v2.0 tokens name the instance, v1.0 tokens (requested for api:// audiences by older clients) name sts.windows.net.
            Issuers = [$"{instanceBase}{tenantId}/v2.0", $"https://sts.windows.net/{tenantId}/"],
            MetadataAddress = metadata,
        };
    }

    /// <summary>The GUID of an "api://&lt;guid&gt;" application ID URI, the default form Entra ID proposes.</summary>
    internal static string? ClientIdOfApiUri(string? audience) =>
        audience is not null && audience.StartsWith("api://", StringComparison.OrdinalIgnoreCase) && Guid.TryParse(audience["api://".Length..], out var id)
            ? id.ToString()
            : null;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
