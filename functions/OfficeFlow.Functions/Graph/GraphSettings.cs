namespace OfficeFlow.Functions.Graph;

/// <summary>
/// The <c>Graph:*</c> settings. Graph is used when app credentials are configured (tenant, client id and
/// secret, or managed identity); with none of them the app runs in local mode (mail and documents go to
/// <c>Local:DataFolder</c>). Half a configuration is an error naming what is missing, never a silent local mode.
/// </summary>
public sealed record GraphSettings
{
    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";
    public const string DefaultInstance = "https://login.microsoftonline.com/";
    public const string DefaultArchiveFolder = "OfficeFlow";

    public bool IsConfigured { get; init; }
    public string TenantId { get; init; } = "";
    public string ClientId { get; init; } = "";
    public string? ClientSecret { get; init; }
    public bool UseManagedIdentity { get; init; }

    /// <summary>Client id of a user-assigned managed identity; empty for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; init; }

    public string Instance { get; init; } = DefaultInstance;
    public string BaseUrl { get; init; } = DefaultBaseUrl;

    /// <summary>The shared mailbox (UPN) that sends reminders and whose folders are synced.</summary>
    public string Mailbox { get; init; } = "";

    public string DriveId { get; init; } = "";

    /// <summary>The drive folder under which documents are filed (the local store does not use it).</summary>
    public string ArchiveFolder { get; init; } = DefaultArchiveFolder;

    /// <summary>The full path of the local data folder (<c>Local:DataFolder</c>, default <c>.local</c>).</summary>
    public string LocalDataFolder { get; init; } = "";

    /// <summary>The scope app-only and on-behalf-of tokens are requested for: the Graph host's ".default".</summary>
    public string DefaultScope => new Uri(BaseUrl).GetLeftPart(UriPartial.Authority) + "/.default";

    /// <summary>Whether documents go to a Graph drive; without <c>Graph:DriveId</c> they stay in the local folder.</summary>
    public bool HasDrive => IsConfigured && DriveId.Length > 0;

    /// <summary>Whether on-behalf-of calls are possible: they need the API's app registration (client id).</summary>
    public bool CanActOnBehalfOfUsers => IsConfigured && ClientId.Length > 0;

    public static GraphSettings Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var dataFolder = Value(configuration, "Local:DataFolder") ?? ".local";
        var tenantId = Value(configuration, "Graph:TenantId");
        var clientId = Value(configuration, "Graph:ClientId");
        var secret = Value(configuration, "Graph:ClientSecret");
        var managedIdentity = configuration.GetValue("Graph:UseManagedIdentity", false);
        var local = new GraphSettings { LocalDataFolder = Path.GetFullPath(dataFolder), Mailbox = Value(configuration, "Graph:Mailbox") ?? "" };
        if (tenantId is null && clientId is null && secret is null && !managedIdentity)
        {
            return local;
        }

        var baseUrl = (Value(configuration, "Graph:BaseUrl") ?? DefaultBaseUrl).TrimEnd('/');
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttps && !baseUri.IsLoopback))
        {
            throw new GraphConfigurationException($"Graph:BaseUrl '{baseUrl}' must be an https URL such as {DefaultBaseUrl} (plain http only on loopback, for tests).");
        }

        // On-behalf-of is done by the API's own app registration, so the client id defaults to the API's.
        clientId ??= Value(configuration, "Auth:ClientId") ?? Auth.AuthSettings.ClientIdOfApiUri(Value(configuration, "Auth:Audience"));
        if (!managedIdentity && secret is null)
        {
            throw Missing("Graph:ClientSecret", "the app registration's client secret (from app settings or Key Vault, never committed), or set Graph:UseManagedIdentity=true");
        }

        return local with
        {
            IsConfigured = true,
            TenantId = tenantId ?? Value(configuration, "Auth:TenantId") ?? throw Missing("Graph:TenantId", "the tenant id (GUID) of the organisation"),
            ClientId = clientId ?? (managedIdentity ? "" : throw Missing("Graph:ClientId", "the app registration's Application (client) ID")),
            ClientSecret = secret,
            UseManagedIdentity = managedIdentity,
            // A user-assigned identity: the Function App names it in AZURE_CLIENT_ID (see infra/main.bicep).
            ManagedIdentityClientId = Value(configuration, "Graph:ManagedIdentityClientId") ?? Value(configuration, "AZURE_CLIENT_ID"),
            Instance = (Value(configuration, "Graph:Instance") ?? DefaultInstance).TrimEnd('/') + "/",
            BaseUrl = baseUrl,
            Mailbox = Value(configuration, "Graph:Mailbox") ?? throw Missing("Graph:Mailbox", "the shared mailbox address (UPN) that sends reminders and is synced"),
            DriveId = Value(configuration, "Graph:DriveId") ?? "",
            ArchiveFolder = (Value(configuration, "Graph:ArchiveFolder") ?? DefaultArchiveFolder).Trim('/'),
        };
    }

    private static GraphConfigurationException Missing(string setting, string what) =>
        new($"{setting} is missing: set it to {what}. (Remove all Graph:* settings to run in local mode instead.)");

    private static string? Value(IConfiguration configuration, string key) =>
        string.IsNullOrWhiteSpace(configuration[key]) ? null : configuration[key]!.Trim();
}
