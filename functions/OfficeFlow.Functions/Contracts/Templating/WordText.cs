namespace OfficeFlow.Functions.Contracts.Templating;

/// <summary>
/// Writes a value into the w:t that held its tag: XML-escaped (no markup can be injected), characters
/// XML 1.0 forbids dropped, a newline turned into a line break and a tab into a tab stop, both by
/// closing and reopening the w:t inside the same run so the run's formatting carries on.
/// </summary>
internal static class WordText
{
    private const string Break = "</w:t><w:br/><w:t xml:space=\"preserve\">";
    private const string Tab = "</w:t><w:tab/><w:t xml:space=\"preserve\">";

    public static void Write(TextWriter output, string text)
    {
        var plainFrom = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= ' ' && c != '&' && c != '<' && c != '>' && !char.IsSurrogate(c) && c < '\uFFFE')
            {
                continue;
            }

            output.Write(text.AsSpan(plainFrom, i - plainFrom));
            plainFrom = i + 1;
            switch (c)
            {
                case '&': output.Write("&amp;"); break;
                case '<': output.Write("&lt;"); break;
                case '>': output.Write("&gt;"); break;
                case '\n': output.Write(Break); break;
                case '\r':
                    if (i + 1 >= text.Length || text[i + 1] != '\n')
                    {
                        output.Write(Break);
                    }

                    break;
                case '\t': output.Write(Tab); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        output.Write(text.AsSpan(i, 2));
                        i++;
                        plainFrom = i + 1;
                    }

                    break;
            }
        }

        output.Write(text.AsSpan(plainFrom));
    }
}
