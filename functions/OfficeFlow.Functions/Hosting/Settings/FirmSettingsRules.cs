namespace OfficeFlow.Functions.Hosting.Settings;

/// <summary>
/// The form of the firm's requisites in <c>Firm:*</c> (digits and their count; check digits are the capabilities'
/// business). Each is optional at start-up: a contract or invoice says what is missing when it needs it.
/// </summary>
internal static class FirmSettingsRules
{
    private static readonly (string Key, int[] Lengths, string What)[] DigitFields =
    [
        ("inn", [10, 12], "10 digits for an organisation, 12 for an individual entrepreneur"),
        ("kpp", [9], "9 digits"),
        ("ogrn", [13, 15], "13 digits (ОГРН) or 15 (ОГРНИП)"),
        ("bik", [9], "9 digits"),
        ("account", [20], "20 digits"),
        ("corr_account", [20], "20 digits"),
    ];

    public static IEnumerable<string> Check(IConfiguration configuration)
    {
        foreach (var (key, lengths, what) in DigitFields)
        {
            if (configuration[$"Firm:{key}"] is { Length: > 0 } value
                && (!value.All(char.IsAsciiDigit) || !lengths.Contains(value.Length)))
            {
                yield return $"Firm:{key} '{Echo.Short(value)}' is not well-formed: write {what}, without spaces.";
            }
        }
    }
}
