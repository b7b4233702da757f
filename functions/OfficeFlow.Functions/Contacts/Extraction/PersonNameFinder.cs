using System.Text.RegularExpressions;

namespace OfficeFlow.Functions.Contacts.Extraction;

/// <summary>
/// Picks the person's name from the first lines of a signature: one to three capitalised words
/// ("Иван Петров", "Петрова Анна Сергеевна", "J. Smith") that are not a position, company or city.
/// A single word counts only when the From display name contains it too.
/// </summary>
internal static partial class PersonNameFinder
{
    private const int LinesToSearch = 5;

    public static (string? Name, int Line) Find(IReadOnlyList<string> signature, string? senderName)
    {
        var senderTokens = Tokens(senderName);
        (string Name, int Line)? firstMultiWord = null;
        for (var i = 0; i < Math.Min(LinesToSearch, signature.Count); i++)
        {
            if (CompanyNameParser.Find(signature[i]) is not null && !Separators().IsMatch(signature[i]))
            {
                continue;
            }

            foreach (var segment in Separators().Split(signature[i]).Select(s => s.Trim()))
            {
                if (!NameShape().IsMatch(segment) || SignatureVocabulary.PositionWord().IsMatch(segment) || SignatureVocabulary.NotAName().IsMatch(segment)
                    || CompanyNameParser.Find(segment) is not null)
                {
                    continue;
                }

                var words = Tokens(segment);
                if (words.Overlaps(senderTokens))
                {
                    return (segment, i);
                }

                if (words.Count >= 2)
                {
                    firstMultiWord ??= (segment, i);
                }
            }
        }

        return firstMultiWord is { } found ? (found.Name, found.Line) : (null, -1);
    }

    private static HashSet<string> Tokens(string? text) =>
        text is null
            ? []
            : Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length > 1).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^(\p{Lu}\p{Ll}+(-\p{Lu}\p{Ll}+)?|\p{Lu}\.)(\s+(\p{Lu}\p{Ll}+(-\p{Lu}\p{Ll}+)?|\p{Lu}\.\s?(\p{Lu}\.)?)){0,2}$")]
    private static partial Regex NameShape();

    [GeneratedRegex(@"\s*[,|/–—()]\s*|\s+-\s+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
