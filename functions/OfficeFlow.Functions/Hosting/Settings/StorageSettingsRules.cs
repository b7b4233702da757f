namespace OfficeFlow.Functions.Hosting.Settings;

/// <summary>
/// The form of the <c>Storage:*</c> settings, checked before any table is touched: the storage client itself fails on
/// them only at the first call, and then every request fails instead of the start.
/// </summary>
internal static class StorageSettingsRules
{
    public static IEnumerable<string> Check(IConfiguration configuration)
    {
        if (configuration["Storage:ConnectionString"] is { Length: > 0 } connection && ConnectionStringProblem(connection) is { } problem)
        {
            // Never the value itself: it may hold an account key.
            yield return $"Storage:ConnectionString {problem}";
        }

        if (configuration["Storage:TableEndpoint"] is { Length: > 0 } endpoint
            && (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"Storage:TableEndpoint '{Echo.Short(endpoint)}' is not an https URL: give the account's table endpoint, e.g. https://myaccount.table.core.windows.net/.";
        }

        if (configuration["Storage:ManagedIdentityClientId"] is { Length: > 0 } clientId && !Guid.TryParse(clientId, out _))
        {
            yield return $"Storage:ManagedIdentityClientId '{Echo.Short(clientId)}' is not a client id: give the user-assigned identity's client id (a GUID).";
        }

        // Table names are 3-63 letters and digits starting with a letter; the prefix leaves room for the longest name.
        if (configuration["Storage:TablePrefix"] is { Length: > 0 } prefix
            && (prefix.Length > 30 || !char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit)))
        {
            yield return $"Storage:TablePrefix '{Echo.Short(prefix)}' must be at most 30 Latin letters and digits, starting with a letter (it starts every table name).";
        }

        if (Storage.StorageDeadline.BudgetProblem(configuration[Storage.StorageDeadline.BudgetSetting]) is { } budget)
        {
            yield return budget;
        }
    }

    private static string? ConnectionStringProblem(string connection)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connection.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                return "is not a storage connection string: it is a list of key=value pairs separated by ';' (e.g. UseDevelopmentStorage=true, or the account's connection string from the portal).";
            }

            pairs[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }

        if (pairs.TryGetValue("UseDevelopmentStorage", out var development))
        {
            return string.Equals(development, "true", StringComparison.OrdinalIgnoreCase) ? null : "has UseDevelopmentStorage other than true.";
        }

        if (pairs.TryGetValue("TableEndpoint", out var endpoint) && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
        {
            return "has a TableEndpoint that is not an absolute URL.";
        }

        return pairs.ContainsKey("AccountName") || pairs.ContainsKey("TableEndpoint")
            ? null
            : "names no account: it needs AccountName (and AccountKey or SharedAccessSignature), or TableEndpoint, or UseDevelopmentStorage=true.";
    }
}
