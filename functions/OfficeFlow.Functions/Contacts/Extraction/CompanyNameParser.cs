using System.Text.RegularExpressions;

namespace OfficeFlow.Functions.Contacts.Extraction;

/// <summary>
/// Finds a company name with its legal form in a line: ООО «Ромашка», АО "Альфа", ПАО «Сбербанк»,
/// "Общество с ограниченной ответственностью «…»", ИП Сидоров А.В., Acme Ltd., LLC "Vector".
/// </summary>
public static partial class CompanyNameParser
{
    private static readonly (Regex Pattern, string Form)[] FullForms =
    [
        (new Regex(@"Общество\s+с\s+ограниченной\s+ответственностью", RegexOptions.IgnoreCase), "ООО"),
        (new Regex(@"Публичное\s+акционерное\s+общество", RegexOptions.IgnoreCase), "ПАО"),
        (new Regex(@"Непубличное\s+акционерное\s+общество", RegexOptions.IgnoreCase), "НАО"),
        (new Regex(@"Закрытое\s+акционерное\s+общество", RegexOptions.IgnoreCase), "ЗАО"),
        (new Regex(@"Открытое\s+акционерное\s+общество", RegexOptions.IgnoreCase), "ОАО"),
        (new Regex(@"Акционерное\s+общество", RegexOptions.IgnoreCase), "АО"),
        (new Regex(@"Индивидуальный\s+предприниматель", RegexOptions.IgnoreCase), "ИП"),
    ];

    /// <summary>The company named in the line and the part of the line it took, or null.</summary>
    public static (CompanyName Company, string Matched)? Find(string line)
    {
        var normalised = line;
        foreach (var (pattern, form) in FullForms)
        {
            normalised = pattern.Replace(normalised, form);
        }

        var quoted = RussianQuoted().Match(normalised);
        if (quoted.Success)
        {
            return (new CompanyName(quoted.Groups["form"].Value.ToUpperInvariant(), Clean(quoted.Groups["name"].Value)), MatchedText(line, normalised, quoted));
        }

        var entrepreneur = Entrepreneur().Match(normalised);
        if (entrepreneur.Success)
        {
            return (new CompanyName("ИП", Clean(entrepreneur.Groups["name"].Value)), MatchedText(line, normalised, entrepreneur));
        }

        var unquoted = RussianUnquoted().Match(normalised);
        if (unquoted.Success)
        {
            return (new CompanyName(unquoted.Groups["form"].Value.ToUpperInvariant(), Clean(unquoted.Groups["name"].Value)), MatchedText(line, normalised, unquoted));
        }

        var englishPrefix = EnglishPrefixed().Match(normalised);
        if (englishPrefix.Success)
        {
            return (new CompanyName(englishPrefix.Groups["form"].Value, Clean(englishPrefix.Groups["name"].Value)), MatchedText(line, normalised, englishPrefix));
        }

        var englishSuffix = EnglishSuffixed().Match(normalised);
        if (englishSuffix.Success)
        {
            var form = englishSuffix.Groups["form"].Value.TrimEnd('.');
            return (new CompanyName(form, Clean(englishSuffix.Groups["name"].Value)), MatchedText(line, normalised, englishSuffix));
        }

        return null;
    }

    // When a full form was abbreviated the match no longer lines up with the original line; the whole line is then the company's.
    private static string MatchedText(string original, string normalised, Match match) =>
        ReferenceEquals(original, normalised) || original == normalised ? match.Value : original;

    private static string Clean(string name) => Whitespace().Replace(name.Trim().Trim('"', '«', '»', '“', '”', '„', '\'', ',', ' '), " ");

    [GeneratedRegex(@"(?<![\p{L}])(?<form>ООО|ОАО|ЗАО|ПАО|НАО|АО|ФГУП|ГУП|МУП|АНО|ТОО)\s*[«""“„](?<name>[^»""”“]{1,80})[»""”“]")]
    private static partial Regex RussianQuoted();

    [GeneratedRegex(@"(?<![\p{L}])(?<form>ООО|ОАО|ЗАО|ПАО|НАО|АО)\s+(?<name>[\p{Lu}0-9][\p{L}0-9\-]*(?:\s+[\p{Lu}0-9][\p{L}0-9\-]*){0,2})")]
    private static partial Regex RussianUnquoted();

    [GeneratedRegex(@"(?<![\p{L}])ИП\s+(?<name>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s+\p{Lu}\.\s?\p{Lu}\.|\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)?)")]
    private static partial Regex Entrepreneur();

    [GeneratedRegex(@"(?<![\p{L}])(?<form>LLC|JSC|OOO|PJSC)\s*[«""“](?<name>[^»""”]{1,80})[»""”]")]
    private static partial Regex EnglishPrefixed();

    [GeneratedRegex(@"(?<name>[A-Z][A-Za-z0-9&'\-]*(?:\s+[A-Z&][A-Za-z0-9&'\-]*){0,4}),?\s+(?<form>LLC|Ltd\.?|Limited|Inc\.?|GmbH|JSC|LLP|PLC|Corp\.?|AG)(?![A-Za-z])")]
    private static partial Regex EnglishSuffixed();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
