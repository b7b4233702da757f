using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace OfficeFlow.Functions.Contacts.Extraction;

/// <summary>
/// Turns an e-mail's HTML body into plain text lines good enough for signature reading:
/// block elements become line breaks, entities are decoded, and text inside &lt;blockquote&gt;
/// or a mail client's quote container is prefixed with "&gt; " so the quote detector sees it as history.
/// </summary>
public static partial class HtmlToText
{
    // A tag's attributes stop at the next "<" as well as at ">": with [^>]* an unclosed "<a " repeated made every occurrence
    // scan to the end of the body (quadratic: 10 s for a 1 MB body); now each scan stops at the next tag.
    [GeneratedRegex(@"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>|([^<]+)", RegexOptions.Singleline)]
    private static partial Regex Tokens();

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre", "blockquote", "section", "article", "header", "footer",
    };

    /// <summary>Converts HTML to text; null or empty input gives an empty string.</summary>
    public static string Convert(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        var cleaned = HiddenHtml.Remove(html);
        var output = new StringBuilder(cleaned.Length / 2);
        var line = new StringBuilder();
        var quoteDepth = 0;
        // Containers that hold quoted history: a stack of "does this open element count as a quote".
        var quoteStack = new Stack<bool>();

        // A block boundary ends the current line; it writes an empty line only when something was there
        // (an "&nbsp;" paragraph, a <br>), so nested <div>s do not pile up blank lines but deliberate ones survive.
        void FlushLine(bool force)
        {
            var raw = line.ToString();
            line.Clear();
            if (raw.Length == 0 && !force)
            {
                return;
            }

            var text = WhitespaceRuns().Replace(raw, " ").Trim();
            if (quoteDepth > 0 && text.Length > 0)
            {
                text = "> " + text;
            }

            output.Append(text).Append('\n');
        }

        foreach (Match token in Tokens().Matches(cleaned))
        {
            if (token.Groups[4].Success)
            {
                line.Append(WebUtility.HtmlDecode(token.Groups[4].Value).Replace('\u00A0', ' '));
                continue;
            }

            var closing = token.Groups[1].Value == "/";
            var name = token.Groups[2].Value;
            var attributes = token.Groups[3].Value;
            var selfClosing = attributes.EndsWith('/') || name.Equals("br", StringComparison.OrdinalIgnoreCase) || name.Equals("hr", StringComparison.OrdinalIgnoreCase);
            if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                FlushLine(force: true);
            }
            else if (closing && name.Equals("p", StringComparison.OrdinalIgnoreCase))
            {
                FlushLine(force: false);
                output.Append('\n');
            }
            else if (BlockElements.Contains(name))
            {
                FlushLine(force: false);
            }
            else if (name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("th", StringComparison.OrdinalIgnoreCase))
            {
                line.Append(' ');
            }

            if (selfClosing || !(name.Equals("blockquote", StringComparison.OrdinalIgnoreCase) || name.Equals("div", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (closing)
            {
                if (quoteStack.Count > 0 && quoteStack.Pop())
                {
                    quoteDepth--;
                }
            }
            else
            {
                var isQuote = name.Equals("blockquote", StringComparison.OrdinalIgnoreCase) || QuoteContainer().IsMatch(attributes);
                quoteStack.Push(isQuote);
                if (isQuote)
                {
                    quoteDepth++;
                }
            }
        }

        FlushLine(force: false);
        return BlankLineRuns().Replace(WhitespaceOnlyLines().Replace(output.ToString(), "\n"), "\n\n").Trim('\n');
    }

    // Gmail ("gmail_quote"), Yandex/mail.ru ("js-quote", "quote"), Outlook on the web ("divRplyFwdMsg", "appendonsend").
    [GeneratedRegex(@"(gmail_quote|js-quote|class=""?quote|divRplyFwdMsg|appendonsend|moz-cite-prefix|yahoo_quoted)", RegexOptions.IgnoreCase)]
    private static partial Regex QuoteContainer();

    [GeneratedRegex(@"[ \t\r\f\v]+")]
    private static partial Regex WhitespaceRuns();

    [GeneratedRegex(@"(?m)^[ \t]+$")]
    private static partial Regex WhitespaceOnlyLines();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLineRuns();
}
