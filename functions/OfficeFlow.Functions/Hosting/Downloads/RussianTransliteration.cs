using System.Globalization;
using System.Text;

namespace OfficeFlow.Functions.Hosting.Downloads;

/// <summary>
/// Russian text in Latin letters (the passport table of ГОСТ Р 52535.1-2006: «Счёт» → «Schet», «Щука» → «Shchuka»),
/// for the ASCII file name a client without RFC 6266 support saves a download as: «Dogovor 2026-0001 OOO Romashka»
/// says what the file is, where underscores would not.
/// </summary>
public static class RussianTransliteration
{
    private static readonly Dictionary<char, string> Letters = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "i", ['й'] = "i", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "ie", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "iu",
        ['я'] = "ia",
    };

    // Typographic signs with a plain ASCII reading; quotes are dropped (a quote would end the header's quoted string).
    private static readonly Dictionary<char, string> Signs = new()
    {
        ['№'] = "No", ['–'] = "-", ['—'] = "-", ['«'] = "", ['»'] = "", ['„'] = "", ['“'] = "", ['”'] = "", ['"'] = "",
        ['\\'] = "", ['\u00A0'] = " ",
    };

    /// <summary>Printable ASCII only: Cyrillic transliterated, accents stripped, anything else a '_'; runs of spaces collapsed.</summary>
    public static string ToAscii(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lower = char.ToLowerInvariant(c);
            if (Letters.TryGetValue(lower, out var latin))
            {
                // «ЩУКА» → «SHCHUKA», «Щука» → «Shchuka»: a capital's tail is capital only inside an all-capital word.
                var nextIsCapital = i + 1 < text.Length && char.IsUpper(text[i + 1]);
                result.Append(c == lower || latin.Length == 0 ? latin
                    : nextIsCapital ? latin.ToUpperInvariant()
                    : char.ToUpperInvariant(latin[0]) + latin[1..]);
            }
            else if (Signs.TryGetValue(c, out var sign))
            {
                result.Append(sign);
            }
            else if (c is >= ' ' and <= '~')
            {
                result.Append(c);
            }
            else if (char.IsSurrogatePair(text, i))
            {
                result.Append('_'); // one character (an emoji), one mark
                i++;
            }
            else
            {
                result.Append(WithoutAccent(c));
            }
        }

        return string.Join(' ', result.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string WithoutAccent(char c)
    {
        var basic = c.ToString().Normalize(NormalizationForm.FormD).Where(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark).ToArray();
        return basic.Length == 1 && basic[0] is >= ' ' and <= '~' ? basic[0].ToString() : "_";
    }
}
