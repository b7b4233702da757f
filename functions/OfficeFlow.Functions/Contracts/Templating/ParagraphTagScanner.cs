using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace OfficeFlow.Functions.Contracts.Templating;

/// <summary>
/// Finds the tags of one part paragraph by paragraph, joining the text of all its runs, so a tag
/// Word split across runs (spell-check marks, bookmarks, formatting changes) is still one tag.
/// Each tag's text moves into the w:t where it starts (keeping that run's formatting) as a marker;
/// the pieces in later runs are removed.
/// </summary>
internal sealed class ParagraphTagScanner(string part, List<TagInfo> tags, List<TemplateError> errors)
{
    private const int ContextRadius = 40;

    public void Scan(OpenXmlElement root)
    {
        foreach (var (paragraph, texts) in GroupTextsByParagraph(root))
        {
            ScanParagraph(paragraph, texts);
        }
    }

    private static List<(Paragraph, List<Text>)> GroupTextsByParagraph(OpenXmlElement root)
    {
        var groups = new List<(Paragraph, List<Text>)>();
        var index = new Dictionary<Paragraph, List<Text>>(ReferenceEqualityComparer.Instance);
        foreach (var text in root.Descendants<Text>())
        {
            var paragraph = NearestParagraph(text);
            if (paragraph is null)
            {
                continue;
            }

            if (!index.TryGetValue(paragraph, out var list))
            {
                list = [];
                index[paragraph] = list;
                groups.Add((paragraph, list));
            }

            list.Add(text);
        }

        return groups;
    }

    private static Paragraph? NearestParagraph(OpenXmlElement element)
    {
        for (var node = element.Parent; node is not null; node = node.Parent)
        {
            if (node is Paragraph p)
            {
                return p;
            }
        }

        return null;
    }

    private void ScanParagraph(Paragraph paragraph, List<Text> texts)
    {
        var joined = new StringBuilder();
        var owner = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            var value = texts[i].Text;
            if (Markers.ContainsReserved(value))
            {
                errors.Add(new TemplateError(TemplateErrorKind.InvalidFile, "", part, "", "The template contains reserved characters U+E000–U+E002; remove them."));
                return;
            }

            joined.Append(value);
            for (var c = 0; c < value.Length; c++)
            {
                owner.Add(i);
            }
        }

        var full = joined.ToString();
        if (full.AsSpan().IndexOfAny('{', '}') < 0)
        {
            return;
        }

        var found = FindTags(full);
        if (found.Count == 0)
        {
            return;
        }

        var rebuilt = new StringBuilder[texts.Count];
        for (var i = 0; i < rebuilt.Length; i++)
        {
            rebuilt[i] = new StringBuilder();
        }

        var trimmed = full.Trim();
        var position = 0;
        foreach (var (start, end) in found)
        {
            for (; position < start; position++)
            {
                rebuilt[owner[position]].Append(full[position]);
            }

            var raw = full[start..(end + 1)];
            var expression = TagExpression.Parse(raw[1..^1], out var kind, out var message);
            var context = ContextAround(full, start, end);
            if (expression is null)
            {
                errors.Add(new TemplateError(kind, raw, part, context, message!));
            }
            else
            {
                var tag = new TagInfo
                {
                    Id = tags.Count,
                    Raw = raw,
                    Expression = expression,
                    Part = part,
                    Context = context,
                    Text = texts[owner[start]],
                    Paragraph = paragraph,
                    AloneInParagraph = found.Count == 1 && trimmed == raw && !HasNonTextContent(paragraph),
                };
                tags.Add(tag);
                rebuilt[owner[start]].Append(Markers.ForTag(tag.Id));
            }

            position = end + 1;
        }

        for (; position < full.Length; position++)
        {
            rebuilt[owner[position]].Append(full[position]);
        }

        for (var i = 0; i < texts.Count; i++)
        {
            var value = rebuilt[i].ToString();
            if (value != texts[i].Text)
            {
                texts[i].Text = value;
                texts[i].Space = SpaceProcessingModeValues.Preserve;
            }
        }
    }

    private List<(int Start, int End)> FindTags(string full)
    {
        var found = new List<(int, int)>();
        var open = -1;
        for (var i = 0; i < full.Length; i++)
        {
            if (full[i] == '{')
            {
                if (open >= 0)
                {
                    errors.Add(new TemplateError(TemplateErrorKind.UnclosedTag, full[open..i], part, ContextAround(full, open, i), "A tag is opened with '{' but not closed with '}' before the next '{'."));
                }

                open = i;
            }
            else if (full[i] == '}')
            {
                if (open < 0)
                {
                    errors.Add(new TemplateError(TemplateErrorKind.UnopenedTag, "}", part, ContextAround(full, i, i), "A '}' closes a tag that was never opened with '{'."));
                    continue;
                }

                found.Add((open, i));
                open = -1;
            }
        }

        if (open >= 0)
        {
            errors.Add(new TemplateError(TemplateErrorKind.UnclosedTag, full[open..], part, ContextAround(full, open, full.Length - 1), "A tag is opened with '{' but the paragraph ends before its '}'."));
        }

        return found;
    }

    private static string ContextAround(string full, int start, int end)
    {
        var from = Math.Max(0, start - ContextRadius);
        var to = Math.Min(full.Length, end + 1 + ContextRadius);
        return (from > 0 ? "…" : "") + full[from..to] + (to < full.Length ? "…" : "");
    }

    // A paragraph with a picture or a text box beside its tag is content, not just a loop marker.
    private static bool HasNonTextContent(Paragraph paragraph) =>
        paragraph.Descendants<Drawing>().Any() || paragraph.Descendants<Picture>().Any() || paragraph.Descendants<EmbeddedObject>().Any();
}
