namespace OfficeFlow.Functions.Addin;

/// <summary>
/// The <c>Addin:*</c> settings: <c>Addin:Folder</c> (the built add-in the standalone host serves under /addin/; none by
/// default), <c>Addin:ClientId</c> (the add-in's own app registration, handed to the panes in config.json) and
/// <c>Addin:Origins</c> (comma-separated https origins the deployed add-in is served from, allowed by CORS on /api).
/// </summary>
public sealed record AddinSettings
{
    /// <summary>The full path of the folder to serve, or null when the add-in is not served.</summary>
    public string? Folder { get; init; }

    public string? ClientId { get; init; }

    /// <summary>Origins as browsers send them: <c>https://host[:port]</c>, no trailing slash.</summary>
    public IReadOnlyList<string> Origins { get; init; } = [];

    public static AddinSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var folder = NonEmpty(configuration["Addin:Folder"]);
        var origins = new List<string>();
        foreach (var text in (configuration["Addin:Origins"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
                || uri.PathAndQuery != "/" || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
            {
                throw new InvalidOperationException(
                    $"Addin:Origins has '{text}', which is not an https origin: write origins like https://addin.example.com (scheme, host and port only), separated by commas.");
            }

            origins.Add(uri.GetLeftPart(UriPartial.Authority));
        }

        // The panes hand it to MSAL as their app registration's client id: anything but a GUID fails every sign-in.
        var clientId = NonEmpty(configuration["Addin:ClientId"]);
        if (clientId is not null && !Guid.TryParse(clientId, out _))
        {
            throw new InvalidOperationException(
                $"Addin:ClientId '{Hosting.Echo.Short(clientId)}' is not a client id: give the add-in's app registration's 'Application (client) ID' (a GUID).");
        }

        return new AddinSettings
        {
            Folder = folder is null ? null : Path.GetFullPath(folder),
            ClientId = clientId,
            Origins = origins,
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
