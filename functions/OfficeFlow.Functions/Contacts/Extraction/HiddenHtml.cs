using System.Text;

namespace OfficeFlow.Functions.Contacts.Extraction;

/// <summary>
/// Cuts what a mail reader never shows out of an HTML body — &lt;script&gt;, &lt;style&gt;, &lt;head&gt; and &lt;title&gt;
/// elements and &lt;!-- comments --&gt; — in one pass, in time linear in the body's length.
/// </summary>
/// <remarks>
/// This was two backtracking regexes (<c>&lt;(script|…)\b[^&gt;]*&gt;.*?&lt;/\1\s*&gt;</c> and <c>&lt;!--.*?--&gt;</c>). On a body of
/// "&lt;!--" or "&lt;script " repeated and never closed, every occurrence scanned to the end of the body: quadratic, seconds of
/// CPU per megabyte, which anyone who can send the firm an e-mail could trigger. Here, once a closing mark is known to be
/// absent from the rest of the body, it is never searched for again. An element or comment that is never closed stays,
/// as the regexes left it.
/// </remarks>
public static class HiddenHtml
{
    private static readonly string[] Elements = ["script", "style", "head", "title"];

    public static string Remove(string html)
    {
        var output = new StringBuilder(html.Length);
        var unclosed = new HashSet<string>(StringComparer.Ordinal);
        var copied = 0;
        var at = html.IndexOf('<');
        while (at >= 0 && at < html.Length)
        {
            var end = HiddenEnd(html, at, unclosed);
            if (end > at)
            {
                output.Append(html, copied, at - copied);
                copied = end;
                at = end;
            }
            else
            {
                at++;
            }

            at = at < html.Length ? html.IndexOf('<', at) : -1;
        }

        return copied == 0 ? html : output.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>Where the hidden part starting at <paramref name="at"/> ends (exclusive), or -1 when none starts there.</summary>
    private static int HiddenEnd(string html, int at, HashSet<string> unclosed)
    {
        if (string.CompareOrdinal(html, at, "<!--", 0, 4) == 0)
        {
            return Closing(html, at + 4, "-->", unclosed);
        }

        foreach (var name in Elements)
        {
            var after = at + 1 + name.Length;
            if (after > html.Length || string.Compare(html, at + 1, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) != 0
                || (after < html.Length && char.IsLetterOrDigit(html[after])))
            {
                continue;
            }

            var tagEnd = html.IndexOf('>', after);
            if (tagEnd < 0)
            {
                return -1;
            }

            // The closing tag: "</name", optional white space, ">".
            var search = tagEnd + 1;
            while (true)
            {
                var close = Closing(html, search, "</" + name, unclosed);
                if (close < 0)
                {
                    return -1;
                }

                var gt = close;
                while (gt < html.Length && char.IsWhiteSpace(html[gt]))
                {
                    gt++;
                }

                if (gt < html.Length && html[gt] == '>')
                {
                    return gt + 1;
                }

                search = close;
            }
        }

        return -1;
    }

    /// <summary>The index just after the next <paramref name="mark"/> from <paramref name="from"/>, or -1; a mark found absent once is not looked for again.</summary>
    private static int Closing(string html, int from, string mark, HashSet<string> unclosed)
    {
        if (unclosed.Contains(mark))
        {
            return -1;
        }

        var found = html.IndexOf(mark, from, StringComparison.OrdinalIgnoreCase);
        if (found < 0)
        {
            unclosed.Add(mark);
            return -1;
        }

        return found + mark.Length;
    }
}
