using System.Text.RegularExpressions;

namespace OfficeFlow.Functions.Contacts.Extraction;

/// <summary>
/// Picks the position from the signature: a line or segment near the name that holds a position word
/// ("Менеджер отдела продаж", "Head of Procurement"), with any company named on the same line cut off.
/// </summary>
internal static partial class PositionFinder
{
    public static string? Find(IReadOnlyList<string> signature, int nameLine)
    {
        foreach (var index in CandidateLines(signature.Count, nameLine))
        {
            var line = signature[index];
            if (CompanyNameParser.Find(line) is { } company)
            {
                line = line.Replace(company.Matched, " ", StringComparison.Ordinal);
            }

            foreach (var segment in Separators().Split(line).Select(s => s.Trim(' ', ',', '.', ';', ':', '-', '–', '—')))
            {
                if (segment.Length is > 2 and <= 80 && SignatureVocabulary.PositionWord().IsMatch(segment)
                    && !segment.Any(char.IsAsciiDigit) && !segment.Contains('@') && !Labelled().IsMatch(segment))
                {
                    return segment;
                }
            }
        }

        return null;
    }

    // The line after the name first, then the name line itself (", менеджер"), then the rest of the top of the block.
    private static IEnumerable<int> CandidateLines(int count, int nameLine)
    {
        var order = nameLine >= 0
            ? new[] { nameLine + 1, nameLine, nameLine + 2, nameLine - 1 }.Concat(Enumerable.Range(0, Math.Min(count, 6)))
            : Enumerable.Range(0, Math.Min(count, 6));
        return order.Where(i => i >= 0 && i < count).Distinct();
    }

    [GeneratedRegex(@"\s*[|/,]\s*|\s+[–—]\s+")]
    private static partial Regex Separators();

    // "Отдел продаж: +7 …", "Sales: sales@…" are contact lines, not positions.
    [GeneratedRegex(@"(тел|моб|phone|mobile|e-?mail|почта|сайт|web|адрес|address)\s*[.:]", RegexOptions.IgnoreCase)]
    private static partial Regex Labelled();
}
