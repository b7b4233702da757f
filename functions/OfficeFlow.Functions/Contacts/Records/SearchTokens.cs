using System.Text;

namespace OfficeFlow.Functions.Contacts.Records;

/// <summary>
/// Turns client names, INNs, domains and e-mails into the lower-case tokens the prefix-search index holds:
/// "ООО «Ромашка-Плюс»" gives "ромашка-плюс" and "плюс"; legal forms and one-letter words are left out.
/// </summary>
public static class SearchTokens
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "ооо", "ао", "пао", "зао", "оао", "нао", "ип", "llc", "ltd", "inc", "gmbh", "jsc",
    };

    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            // Characters a RowKey may not hold (/ \ # ?) and quotes never help a search.
            builder.Append(c switch
            {
                'ё' => 'е',
                '/' or '\\' or '#' or '?' or '«' or '»' or '"' or '“' or '”' or '\'' or ',' or ';' or '|' or '(' or ')' => ' ',
                _ when char.IsControl(c) => ' ',
                _ => c,
            });
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The words of a company name without its legal form, normalised: «Ромашка», "Ромашка" and ООО Ромашка give ["ромашка"].</summary>
    public static IReadOnlyList<string> NameWords(string name) =>
        Normalise(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !LegalForms.Contains(w)).ToList();

    public static IEnumerable<string> ForName(string name)
    {
        var words = NameWords(name);
        foreach (var word in words)
        {
            if (word.Length >= 2)
            {
                yield return word;
            }

            // "ромашка-плюс" is also found by "плюс".
            foreach (var part in word.Split('-', StringSplitOptions.RemoveEmptyEntries).Skip(1).Where(p => p.Length >= 2))
            {
                yield return part;
            }
        }
    }

    /// <summary>All tokens of a client and its contacts' addresses, distinct.</summary>
    public static IReadOnlyList<string> ForClient(ClientEntity client, IEnumerable<string> contactEmails) =>
        ForName(client.Name)
            .Concat(client.Inn is { Length: > 0 } inn ? [inn] : [])
            .Concat(SplitList(client.Domains))
            .Concat(contactEmails.Select(e => e.ToLowerInvariant()))
            .Select(t => t.Length > 200 ? t[..200] : t)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<string> SplitList(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
