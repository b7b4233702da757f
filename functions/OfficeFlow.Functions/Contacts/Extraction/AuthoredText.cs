using System.Text.RegularExpressions;

namespace OfficeFlow.Functions.Contacts.Extraction;

/// <summary>
/// Separates what the sender wrote from what they carried along: quoted replies
/// ("-----Original Message-----", "От:/Отправлено:", "On … wrote:", "&gt; " lines), forwarded history,
/// mobile-client footers and legal disclaimers. Only the authored part can hold the sender's signature.
/// </summary>
public static partial class AuthoredText
{
    /// <summary>The lines the sender wrote, without quoted history, forwarded messages or disclaimers.</summary>
    public static IReadOnlyList<string> Lines(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd()).ToList();
        var historyStart = FindHistoryStart(lines);
        var authored = lines.Take(historyStart).ToList();
        var disclaimerStart = FindDisclaimerStart(authored);
        return authored.Take(disclaimerStart).ToList();
    }

    private static int FindHistoryStart(List<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('>') || SeparatorLine().IsMatch(line) || AttributionLine().IsMatch(line))
            {
                return i;
            }

            // Gmail wraps a long "On Mon, … <a@b.c> wrote:" attribution over two lines.
            if (i + 1 < lines.Count && AttributionLine().IsMatch(line + " " + lines[i + 1].Trim()) && line.Length > 0 && AttributionStart().IsMatch(line))
            {
                return i;
            }

            if (HeaderFrom().IsMatch(line) && HasHeaderFollower(lines, i))
            {
                return i;
            }
        }

        return lines.Count;
    }

    // An Outlook header block: "From:/От:" followed within a few lines by "Sent:/Date:/To:/Subject:" or their Russian forms.
    private static bool HasHeaderFollower(List<string> lines, int fromIndex)
    {
        for (var j = fromIndex + 1; j < Math.Min(lines.Count, fromIndex + 5); j++)
        {
            if (HeaderOther().IsMatch(lines[j].Trim()))
            {
                return true;
            }
        }

        return false;
    }

    private static int FindDisclaimerStart(List<string> lines)
    {
        // Disclaimers sit below the signature; search the lower part only so a body sentence about
        // "confidential" pricing does not cut the signature away.
        var floor = Math.Max(0, lines.Count - 25);
        for (var i = floor; i < lines.Count; i++)
        {
            if (Disclaimer().IsMatch(lines[i]))
            {
                return i;
            }
        }

        return lines.Count;
    }

    [GeneratedRegex(@"^(-{2,}\s*(Original Message|Исходное сообщение|Forwarded message|Пересылаемое сообщение|Перенаправленное сообщение|Переадресованное сообщение|Начало переадресованного сообщения)\s*-*|_{10,}|Begin forwarded message:|Начало переадресованного сообщения:)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SeparatorLine();

    [GeneratedRegex(@"(\bwrote:|написал(\(а\)|а)?:|пишет:|<[^<>\s]+@[^<>\s]+>\s*:)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AttributionLine();

    [GeneratedRegex(@"^(On\s|Le\s|Am\s|\d{1,2}[./]\d{1,2}[./]\d{2,4}|(пн|вт|ср|чт|пт|сб|вс|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)\b|\d{1,2}\s+\p{L}+)", RegexOptions.IgnoreCase)]
    private static partial Regex AttributionStart();

    [GeneratedRegex(@"^\*?(From|От|Von)\s*:\s*\*?\s*\S", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^\*?(Sent|Date|To|Subject|Cc|Отправлено|Дата|Кому|Тема|Копия)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderOther();

    [GeneratedRegex(@"(This (e-?mail|message)( and any attachments)? (is|are|may be|contains?)|intended (solely )?for the (use of the )?(named )?(addressee|recipient)|If you are not the intended recipient|Please consider the environment|^\s*Sent from |^\s*Get Outlook for |^\s*Отправлено (с|из) |^\s*Получено с помощью|Это (электронное )?(письмо|сообщение)( и любые вложения)? (содержит|является|предназначено)|(Данное|Настоящее) (электронное )?(письмо|сообщение).{0,80}(конфиденциальн|предназначен|адресат)|Информация, содержащаяся в (этом|данном) (письме|сообщении)|Если вы (получили|не являетесь)|КОНФИДЕНЦИАЛЬНОСТЬ|CONFIDENTIALITY|DISCLAIMER)", RegexOptions.IgnoreCase)]
    private static partial Regex Disclaimer();
}
