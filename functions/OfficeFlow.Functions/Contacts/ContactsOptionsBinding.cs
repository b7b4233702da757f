namespace OfficeFlow.Functions.Contacts;

/// <summary>
/// Reads <see cref="ContactsOptions"/> from configuration. Lists replace the defaults (rather than being merged
/// into them index by index) and may be given as JSON arrays or as one comma-separated value, e.g. the app setting
/// <c>Contacts__OwnDomains=bizsoft.ru,bizsoft.com</c>.
/// </summary>
public static class ContactsOptionsBinding
{
    public static ContactsOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(ContactsOptions.Section);
        var options = new ContactsOptions();
        options.FreeMailDomains = List(section, nameof(ContactsOptions.FreeMailDomains)) ?? options.FreeMailDomains;
        options.OwnDomains = List(section, nameof(ContactsOptions.OwnDomains)) ?? options.OwnDomains;
        options.NeverLog = List(section, nameof(ContactsOptions.NeverLog)) ?? options.NeverLog;
        options.SyncLookbackDays = Int(section, nameof(ContactsOptions.SyncLookbackDays), options.SyncLookbackDays, 1, 3650);
        options.SnippetLength = Int(section, nameof(ContactsOptions.SnippetLength), options.SnippetLength, 0, 4000);
        options.SyncEmployeeId = section[nameof(ContactsOptions.SyncEmployeeId)] is { Length: > 0 } employee ? employee : null;
        return options;
    }

    private static List<string>? List(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        if (child.Value is { } single)
        {
            return single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        }

        var items = child.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0).ToList();
        return items.Count > 0 ? items : null;
    }

    private static int Int(IConfigurationSection section, string key, int fallback, int min, int max)
    {
        var text = section[key];
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"Contacts:{key} is '{text}': give a whole number from {min} to {max}.");
    }
}
