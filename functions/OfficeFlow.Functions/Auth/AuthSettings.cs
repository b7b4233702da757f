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

    /// <summary>Where a client signs users in: <c>&lt;Auth:Instance&gt;&lt;Auth:TenantId&gt;</c> (Entra ID mode; empty otherwise).</summary>
    public string Authority { get; init; } = "";

    /// <summary>The API's Application ID URI (<c>Auth:Audience</c>, by default <c>api://&lt;Auth:ClientId&gt;</c>); a client asks for
    /// <c>&lt;this&gt;/&lt;Scope&gt;</c>. Empty in Development mode.</summary>
    public string ApplicationIdUri { get; init; } = "";

    // Development mode.
    public byte[] DevSigningKey { get; init; } = [];
    public string DevSigningKeySource { get; init; } = "";

    /// <summary>How long a token from POST /api/dev/token lives (<c>Auth:DevTokenMinutes</c>, 480 by default, as the CLI's dev-token).</summary>
    public TimeSpan DevTokenLifetime { get; init; } = DevTokenIssuer.DefaultLifetime;

    /// <summary>The longest development token: a week, as <c>officeflow dev-token --minutes</c> allows.</summary>
    public const int MaxDevTokenMinutes = 7 * 24 * 60;

    public static AuthSettings Load(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        var mode = ModeOf(configuration, environment);
        var scope = NonEmpty(configuration["Auth:Scope"]) ?? DefaultScope;
        return mode == AuthMode.Development
            ? LoadDevelopment(configuration, environment, scope)
            : LoadEntraId(configuration, scope);
    }

    /// <summary>Only the mode, without loading keys or checking the Entra ID settings: what route mapping needs to know.</summary>
    public static AuthMode ModeOf(IConfiguration configuration, IHostEnvironment environment)
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

    /// <summary>Settings that only the Azure Functions host or App Service set: any of them means the app runs deployed,
    /// where a development token must never work.</summary>
    public static readonly IReadOnlyList<string> HostedMarkers = ["FUNCTIONS_WORKER_RUNTIME", "WEBSITE_SITE_NAME", "WEBSITE_INSTANCE_ID"];

    private static AuthSettings LoadDevelopment(IConfiguration configuration, IHostEnvironment environment, string scope)
    {
        // Checked before AllowDevelopmentMode: that switch is for test installations on a developer's or CI machine,
        // and a copied app setting must not turn a deployed app into one that accepts tokens anyone can mint.
        if (HostedMarkers.FirstOrDefault(key => !string.IsNullOrWhiteSpace(configuration[key])) is { } marker)
        {
            throw new AuthConfigurationException(
                $"Auth:Mode is 'Development' but {marker} is set: the app runs under the Azure Functions host or in Azure, where development " +
                "tokens are never accepted, whatever Auth:AllowDevelopmentMode says. Set Auth:Mode=EntraId with Auth:TenantId and Auth:ClientId.");
        }

        // A development key lets anyone with the key mint any role: never silently in a deployed app.
        if (!environment.IsDevelopment() && !configuration.GetValue("Auth:AllowDevelopmentMode", false))
        {
            throw new AuthConfigurationException(
                $"Auth:Mode is 'Development' but the environment is '{environment.EnvironmentName}': set Auth:Mode=EntraId " +
                "with Auth:TenantId and Auth:ClientId, or set Auth:AllowDevelopmentMode=true if this really is a test installation.");
        }

        var lifetime = DevTokenIssuer.DefaultLifetime;
        if (NonEmpty(configuration["Auth:DevTokenMinutes"]) is { } minutesText)
        {
            lifetime = int.TryParse(minutesText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minutes) && minutes is >= 1 and <= MaxDevTokenMinutes
                ? TimeSpan.FromMinutes(minutes)
                : throw new AuthConfigurationException($"Auth:DevTokenMinutes '{minutesText}' must be a whole number of minutes from 1 to {MaxDevTokenMinutes}, e.g. 480.");
        }

        var (key, source) = Auth.DevSigningKey.Resolve(configuration);
        return new AuthSettings { Mode = AuthMode.Development, Scope = scope, DevSigningKey = key, DevSigningKeySource = source, DevTokenLifetime = lifetime };
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
            Authority = instanceBase + tenantId,
            ApplicationIdUri = audience,
        };
    }

    /// <summary>The GUID of an "api://&lt;guid&gt;" application ID URI, the default form Entra ID proposes.</summary>
    internal static string? ClientIdOfApiUri(string? audience) =>
        audience is not null && audience.StartsWith("api://", StringComparison.OrdinalIgnoreCase) && Guid.TryParse(audience["api://".Length..], out var id)
            ? id.ToString()
            : null;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
