using System.Text.RegularExpressions;

namespace OfficeFlow.Functions.Contacts.Extraction;

/// <summary>
/// Finds the signature block at the end of the authored text: after the last "-- " delimiter or
/// closing phrase ("С уважением,", "Best regards,"), or else the trailing short paragraphs that look
/// like contact details. Returns the block's non-empty lines, the closing phrase removed.
/// </summary>
public static partial class SignatureBlock
{
    private const int MaxLines = 14;

    public static IReadOnlyList<string> Find(IReadOnlyList<string> authored)
    {
        var lines = authored.Select(l => l.Trim()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var delimiter = lines.FindLastIndex(l => l is "--" or "—" or "__");
        var closing = -1;
        string? closingRest = null;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var match = Closing().Match(lines[i]);
            if (match.Success && (match.Groups["rest"].Length == 0 || NameLikeRest().IsMatch(match.Groups["rest"].Value)))
            {
                closing = i;
                closingRest = match.Groups["rest"].Value.Trim();
                break;
            }
        }

        // "С уважением, Иван" above a "--" auto-signature: both belong to the signature.
        if (closing >= 0 && (delimiter < 0 || delimiter - closing is >= 0 and <= 4 || closing > delimiter))
        {
            var block = new List<string>();
            if (!string.IsNullOrEmpty(closingRest))
            {
                block.Add(closingRest);
            }

            block.AddRange(lines.Skip(closing + 1).Where(l => l.Length > 0 && l is not ("--" or "—" or "__")));
            return block.Take(MaxLines).ToList();
        }

        if (delimiter >= 0)
        {
            return lines.Skip(delimiter + 1).Where(l => l.Length > 0).Take(MaxLines).ToList();
        }

        return TrailingContactParagraphs(lines);
    }

    // Without a delimiter or closing phrase, take short trailing paragraphs, but only if they hold
    // contact details: a plain message ending in a sentence has no signature to read.
    private static IReadOnlyList<string> TrailingContactParagraphs(List<string> lines)
    {
        var paragraphs = new List<List<string>>();
        var current = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                if (current.Count > 0)
                {
                    paragraphs.Add(current);
                }

                current = [];
            }
            else
            {
                current.Add(line);
            }
        }

        if (current.Count > 0)
        {
            paragraphs.Add(current);
        }

        var block = new List<string>();
        for (var p = paragraphs.Count - 1; p >= 1 && block.Count < MaxLines; p--)
        {
            var paragraph = paragraphs[p];
            if (paragraph.Any(IsSentence))
            {
                break;
            }

            block.InsertRange(0, paragraph);
        }

        return block.Any(l => ContactDetail().IsMatch(l)) ? block.Take(MaxLines).ToList() : [];
    }

    // Body text ends its lines in full stops and question marks; signature lines ("Crescent Software Inc.") are short.
    private static bool IsSentence(string line) =>
        line.Length > 90 || (line.Length > 0 && line[^1] is '.' or '!' or '?' && line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4);

    [GeneratedRegex(@"^(?<v>С уважением|С наилучшими пожеланиями|С наилучшими|Всего доброго|Всего хорошего|Хорошего дня|Заранее спасибо|Заранее благодарю|Спасибо|Благодарю|Best regards|Kind regards|Warm regards|With best regards|With regards|Regards|Best wishes|All the best|Best|Yours sincerely|Sincerely|Yours faithfully|Many thanks|Thank you|Thanks|Cheers|BR)\s*[,!.]*\s*(?<rest>.{0,60})$", RegexOptions.IgnoreCase)]
    private static partial Regex Closing();

    [GeneratedRegex(@"^\p{Lu}[\p{L}.\- ]*$")]
    private static partial Regex NameLikeRest();

    [GeneratedRegex(@"(\+?\d[\d\s\-()]{8,}\d|ИНН|КПП|@|www\.|https?://|\b(тел|моб|phone|mobile|tel)\b|ООО|АО\s|ИП\s|LLC|Ltd)", RegexOptions.IgnoreCase)]
    private static partial Regex ContactDetail();
}
