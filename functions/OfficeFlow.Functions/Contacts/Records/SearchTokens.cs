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

    /// <summary>At most this many characters of a client's stored token list (a string property holds 32,768): the
    /// contacts of a client with hundreds of them are searchable only as far as this reaches.</summary>
    public const int MaxStoredLength = 30_000;

    /// <summary>The client's own tokens, then each contact's name words and phone digits (marked with the contact).</summary>
    public static IReadOnlyList<SearchEntry> ForClientAndContacts(ClientEntity client, IReadOnlyList<ContactEntity> contacts)
    {
        var entries = ForClient(client, contacts.SelectMany(c => SplitList(c.Emails))).Select(t => new SearchEntry(t, null)).ToList();
        var length = entries.Sum(e => e.Stored.Length + 1);
        foreach (var contact in contacts)
        {
            var tokens = ForName(contact.Name).Concat(SplitList(contact.Phones).SelectMany(ForPhone))
                .Select(t => t.Length > 100 ? t[..100] : t).Distinct(StringComparer.Ordinal);
            foreach (var entry in tokens.Select(t => new SearchEntry(t, contact)))
            {
                length += entry.Stored.Length + 1;
                if (length > MaxStoredLength)
                {
                    return entries;
                }

                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>
    /// The digit strings a phone is found by as a prefix: "+74951234567;ext=215" gives "74951234567", "4951234567" and
    /// "1234567", so "+7 (495) 123-45-67", "4951234567" and "123-45-67" all find it.
    /// </summary>
    public static IEnumerable<string> ForPhone(string phone)
    {
        var number = phone.Split(';')[0];
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 5)
        {
            yield break;
        }

        yield return digits;
        if (digits.Length == 11 && digits[0] is '7' or '8')
        {
            yield return digits[1..];
        }

        if (digits.Length > 7)
        {
            yield return digits[^7..];
        }
    }

    /// <summary>A query that is a phone number written any way ("+7 (495) 123-45-67", "8 495 1234567", "123-45-67"): its digits
    /// as <see cref="ForPhone"/> indexes them (a Russian trunk 8 becomes 7); null for any other query. Digits alone (an INN)
    /// stay as they are.</summary>
    public static string? PhoneQuery(string query)
    {
        if (!query.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-' or '.'))
        {
            return null;
        }

        var digits = new string(query.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 5)
        {
            return null;
        }

        return digits.Length == 11 && digits[0] == '8' ? "7" + digits[1..] : digits;
    }

    public static IReadOnlyList<string> SplitList(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>One prefix-search row of a client: a token, and the contact it came from (null: the client's own name, INN, domain or e-mail).</summary>
public sealed record SearchEntry(string Token, ContactEntity? Contact)
{
    /// <summary>How the entry is kept in <see cref="ClientEntity.SearchTokens"/>: "token", or "token|contactId".</summary>
    public string Stored => Contact is null ? Token : Token + "|" + Contact.RowKey;

    /// <summary>The row key of a stored entry: "token|clientId", or "token|clientId|contactId" for a contact's.</summary>
    public static string RowKeyOf(string stored, string clientId)
    {
        var bar = stored.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? stored + "|" + clientId : stored[..bar] + "|" + clientId + stored[bar..];
    }

    /// <summary>The token a search row key starts with.</summary>
    public static string TokenOf(string rowKey)
    {
        var bar = rowKey.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? rowKey : rowKey[..bar];
    }
}
