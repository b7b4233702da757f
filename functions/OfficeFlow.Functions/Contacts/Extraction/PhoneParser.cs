using System.Text.RegularExpressions;

namespace OfficeFlow.Functions.Contacts.Extraction;

/// <summary>
/// Finds phone numbers in a line of text ("+7 (495) 123-45-67 доб. 123", "8 916 123 45 67",
/// "+44 20 7946 0958 ext. 12") and normalises them to E.164 with the extension apart.
/// Requisites (INN, KPP, OGRN, bank accounts) on the same line are never read as phones.
/// </summary>
public static partial class PhoneParser
{
    public static IReadOnlyList<PhoneNumber> Find(string line)
    {
        var text = Requisites().Replace(line, " ");
        var labelled = PhoneLabel().IsMatch(text);
        var found = new List<PhoneNumber>();
        foreach (Match match in Candidate().Matches(text))
        {
            var raw = match.Groups["number"].Value;
            var hasSeparators = raw.IndexOfAny([' ', '-', '(', ')', '.']) >= 0 || raw.StartsWith('+');
            if (!hasSeparators && !labelled)
            {
                continue;
            }

            var e164 = Normalise(raw);
            if (e164 is null)
            {
                continue;
            }

            var extension = match.Groups["ext"].Success ? match.Groups["ext"].Value : null;
            var phone = new PhoneNumber(e164, extension);
            if (!found.Contains(phone))
            {
                found.Add(phone);
            }
        }

        return found;
    }

    /// <summary>E.164 for a written number, or null when it cannot be one (too short, a local number without a city code).</summary>
    public static string? Normalise(string written)
    {
        var digits = new string(written.Where(char.IsAsciiDigit).ToArray());
        var trimmed = written.TrimStart();
        if (trimmed.StartsWith('+'))
        {
            if (digits.StartsWith('7'))
            {
                return digits.Length == 11 ? "+" + digits : null;
            }

            return digits.Length is >= 8 and <= 15 ? "+" + digits : null;
        }

        if (digits.StartsWith("00", StringComparison.Ordinal) && digits.Length is >= 10 and <= 17)
        {
            return "+" + digits[2..];
        }

        // Russian habits: "8 (495) …" and "7 495 …" with the trunk or country prefix, or ten digits with none.
        if (digits.Length == 11 && digits[0] is '8' or '7')
        {
            return "+7" + digits[1..];
        }

        if (digits.Length == 10 && digits[0] is '3' or '4' or '8' or '9')
        {
            return "+7" + digits;
        }

        return null;
    }

    [GeneratedRegex(@"(?<![\w+])(?<number>\+?\s?\(?\d[\d\s\-.()]{5,}\d)(?:\s*[,;]?\s*\(?\s*(?:доб\.?|добавочный|вн\.?|внутр\.?|ext\.?|x|#)\s*:?\s*(?<ext>\d{1,6})\)?)?", RegexOptions.IgnoreCase)]
    private static partial Regex Candidate();

    [GeneratedRegex(@"(ИНН|КПП|ОГРН(ИП)?|ОКПО|ОКВЭД|БИК|INN|KPP|OGRN|BIC|SWIFT|IBAN|р/с|к/с|р/сч|к/сч|расч[её]тный сч[её]т|корр?\.? сч[её]т|сч[её]т|account)\s*[:№/.]*\s*[\d\s/]+", RegexOptions.IgnoreCase)]
    private static partial Regex Requisites();

    [GeneratedRegex(@"(тел|телефон|моб|мобильный|сот|факс|phone|tel|mob|mobile|cell|fax|whatsapp|\bт\.|\bм\.|\bT:|\bM:|\bP:)", RegexOptions.IgnoreCase)]
    private static partial Regex PhoneLabel();
}
