using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;

namespace OfficeFlow.Functions.Contracts.Templating;

/// <summary>
/// Turns one XML part (document, header, footer, footnotes…) into a list of <see cref="TemplateNode"/>s:
/// content controls bound, tags found and pulled together, sections paired and placed, then the part
/// serialized once and cut at the markers. Rendering never touches the DOM again.
/// </summary>
internal static class PartCompiler
{
    private const string XmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";

    public static List<TemplateNode> Compile(string part, OpenXmlElement root, List<TemplateError> errors)
    {
        ContentControls.Bind(root);
        var tags = new List<TagInfo>();
        var errorsBefore = errors.Count;
        new ParagraphTagScanner(part, tags, errors).Scan(root);
        if (tags.Count == 0)
        {
            return [new LiteralNode(XmlDeclaration + root.OuterXml)];
        }

        OrderByPosition(root.OuterXml, tags);
        var sections = PairSections(tags, errors);
        foreach (var section in sections.Values.Distinct().OrderBy(s => s.Open.Position))
        {
            SectionPlacer.Place(section, errors);
        }

        if (errors.Count > errorsBefore)
        {
            return [];
        }

        return BuildTree(XmlDeclaration + root.OuterXml, tags, sections, errors);
    }

    private static void OrderByPosition(string xml, List<TagInfo> tags)
    {
        for (var at = xml.IndexOf(Markers.TagStart); at >= 0; at = xml.IndexOf(Markers.TagStart, at + 1))
        {
            var end = xml.IndexOf(Markers.TagEnd, at);
            tags[int.Parse(xml.AsSpan(at + 1, end - at - 1), CultureInfo.InvariantCulture)].Position = at;
        }
    }

    private static Dictionary<int, SectionPair> PairSections(List<TagInfo> tags, List<TemplateError> errors)
    {
        var byTag = new Dictionary<int, SectionPair>();
        var open = new Stack<TagInfo>();
        foreach (var tag in tags.OrderBy(t => t.Position))
        {
            switch (tag.Expression.Kind)
            {
                case TagKind.Section or TagKind.Inverted:
                    open.Push(tag);
                    break;
                case TagKind.Close when open.Count == 0:
                    errors.Add(tag.Error(TemplateErrorKind.UnopenedSection, $"{tag.Raw} closes a section that was never opened."));
                    break;
                case TagKind.Close:
                    var opening = open.Pop();
                    if (tag.Expression.Path.Length > 0 && tag.Expression.Path != opening.Expression.Path)
                    {
                        errors.Add(tag.Error(TemplateErrorKind.MismatchedSection,
                            $"{tag.Raw} closes {opening.Raw} (opened in \"{opening.Context}\"); close it with {{/{opening.Expression.Path}}}."));
                    }

                    var pair = new SectionPair(byTag.Count / 2, opening, tag);
                    byTag[opening.Id] = pair;
                    byTag[tag.Id] = pair;
                    break;
            }
        }

        foreach (var tag in open)
        {
            errors.Add(tag.Error(TemplateErrorKind.UnclosedSection, $"{tag.Raw} is never closed; add {{/{tag.Expression.Path}}} where the section ends."));
        }

        return byTag;
    }

    private static List<TemplateNode> BuildTree(string xml, List<TagInfo> tags, Dictionary<int, SectionPair> sections, List<TemplateError> errors)
    {
        var sectionsById = sections.Values.Distinct().ToDictionary(s => s.Id);
        var root = new List<TemplateNode>();
        var stack = new Stack<(SectionPair Section, List<TemplateNode> Nodes)>();
        var current = root;
        var skipping = false;
        var literal = new StringBuilder();
        var position = 0;

        void Flush()
        {
            if (literal.Length > 0)
            {
                current.Add(new LiteralNode(literal.ToString()));
                literal.Clear();
            }
        }

        void Open(SectionPair section)
        {
            Flush();
            var nodes = new List<TemplateNode>();
            current.Add(new SectionNode(section.Open, nodes));
            stack.Push((section, current));
            current = nodes;
        }

        bool Close(SectionPair section)
        {
            Flush();
            if (stack.Count == 0 || stack.Peek().Section != section)
            {
                var inner = stack.Count == 0 ? null : stack.Peek().Section;
                errors.Add(section.Open.Error(TemplateErrorKind.SectionPlacement,
                    $"The section {section.Open.Raw} overlaps {inner?.Open.Raw ?? "another section"} once expanded to whole paragraphs or table rows; nest sections fully inside each other."));
                return false;
            }

            current = stack.Pop().Nodes;
            return true;
        }

        while (position < xml.Length)
        {
            var next = xml.AsSpan(position).IndexOfAny(Markers.TagStart, Markers.CommentTag);
            if (next < 0)
            {
                if (!skipping)
                {
                    literal.Append(xml, position, xml.Length - position);
                }

                break;
            }

            next += position;
            var isComment = xml[next] == Markers.CommentTag;
            var markerStart = isComment ? next - 4 : next;
            if (!skipping)
            {
                literal.Append(xml, position, markerStart - position);
            }

            if (isComment)
            {
                var close = xml.IndexOf("-->", next, StringComparison.Ordinal);
                var id = int.Parse(xml.AsSpan(next + 1, close - next - 2), CultureInfo.InvariantCulture);
                var section = sectionsById[id];
                switch ((BoundaryKind)xml[close - 1])
                {
                    case BoundaryKind.Start:
                        Open(section);
                        skipping = section.Mode == SectionMode.Paragraphs;
                        break;
                    case BoundaryKind.ContentStart:
                        skipping = false;
                        break;
                    case BoundaryKind.ContentEnd:
                        Flush();
                        skipping = true;
                        break;
                    case BoundaryKind.End:
                        skipping = false;
                        if (!Close(section))
                        {
                            return [];
                        }

                        break;
                }

                position = close + 3;
            }
            else
            {
                var end = xml.IndexOf(Markers.TagEnd, next);
                var tag = tags[int.Parse(xml.AsSpan(next + 1, end - next - 1), CultureInfo.InvariantCulture)];
                position = end + 1;
                if (sections.TryGetValue(tag.Id, out var section))
                {
                    if (section.Mode == SectionMode.Inline)
                    {
                        if (tag == section.Open)
                        {
                            Open(section);
                        }
                        else if (!Close(section))
                        {
                            return [];
                        }
                    }
                }
                else if (tag.Expression.Kind == TagKind.Value && !skipping)
                {
                    Flush();
                    current.Add(new ValueNode(tag));
                }
            }
        }

        Flush();
        return root;
    }
}
