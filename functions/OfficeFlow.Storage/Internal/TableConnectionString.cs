namespace OfficeFlow.Storage.Internal;

/// <summary>
/// The parts of a storage connection string the Table client needs. Parsing errors never repeat
/// the string itself, because it may hold the account key.
/// </summary>
internal sealed record TableConnectionString(Uri TableEndpoint, string AccountName, byte[] AccountKey)
{
    /// <summary>Azurite's well-known development account (public, documented by Microsoft).</summary>
    internal const string DevelopmentAccountName = "devstoreaccount1";

    internal const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    internal static readonly Uri DevelopmentTableEndpoint = new("http://127.0.0.1:10002/devstoreaccount1");

    public static TableConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var settings = ParseSettings(connectionString);

        if (settings.TryGetValue("UseDevelopmentStorage", out var useDev))
        {
            if (!string.Equals(useDev, "true", StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid("UseDevelopmentStorage may only be 'true'.");
            }

            var endpoint = DevelopmentTableEndpoint;
            if (settings.TryGetValue("DevelopmentStorageProxyUri", out var proxy))
            {
                // Same rule as the official SDKs: the proxy replaces scheme and host, the port stays 10002.
                var proxyUri = ParseUri(proxy, "DevelopmentStorageProxyUri");
                endpoint = new UriBuilder(proxyUri.Scheme, proxyUri.Host, 10002, DevelopmentAccountName).Uri;
            }

            return new TableConnectionString(endpoint, DevelopmentAccountName, Convert.FromBase64String(DevelopmentAccountKey));
        }

        if (!settings.TryGetValue("AccountName", out var accountName) || accountName.Length == 0)
        {
            throw Invalid("AccountName is missing (expected e.g. 'DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net').");
        }

        if (!settings.TryGetValue("AccountKey", out var accountKeyText) || accountKeyText.Length == 0)
        {
            throw Invalid("AccountKey is missing. Without a key, configure Storage:TableEndpoint to use a managed identity instead.");
        }

        byte[] accountKey;
        try
        {
            accountKey = Convert.FromBase64String(accountKeyText);
        }
        catch (FormatException)
        {
            throw Invalid("AccountKey is not valid base64; copy it again from the storage account's Access keys page.");
        }

        Uri tableEndpoint;
        if (settings.TryGetValue("TableEndpoint", out var explicitEndpoint))
        {
            tableEndpoint = ParseUri(explicitEndpoint, "TableEndpoint");
        }
        else
        {
            var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
            if (protocol is not ("http" or "https"))
            {
                throw Invalid("DefaultEndpointsProtocol must be 'http' or 'https'.");
            }

            var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
            tableEndpoint = ParseUri($"{protocol}://{accountName}.table.{suffix}", "EndpointSuffix");
        }

        return new TableConnectionString(tableEndpoint, accountName, accountKey);
    }

    private static Dictionary<string, string> ParseSettings(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                // The segment may be (part of) the key, so only its position is reported.
                throw Invalid($"segment {SegmentNumber(connectionString, part)} is not of the form Name=Value.");
            }

            var name = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (!settings.TryAdd(name, value))
            {
                throw Invalid($"'{name}' appears more than once.");
            }
        }

        if (settings.Count == 0)
        {
            throw Invalid("it holds no settings.");
        }

        return settings;
    }

    private static int SegmentNumber(string connectionString, string part) =>
        Array.IndexOf(connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), part) + 1;

    private static Uri ParseUri(string value, string setting)
    {
        if (!Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw Invalid($"{setting} must be an absolute http or https address.");
        }

        return uri;
    }

    private static ArgumentException Invalid(string problem) =>
        new($"The storage connection string is malformed: {problem}", "connectionString");
}
