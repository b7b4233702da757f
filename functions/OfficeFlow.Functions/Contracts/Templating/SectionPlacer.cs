using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace OfficeFlow.Functions.Contracts.Templating;

/// <summary>
/// Decides, for each section, what repeats (see <see cref="SectionMode"/>) and marks element boundaries
/// with comments so the serialized part can be cut there. Sections are processed outermost first, which
/// makes comments that land next to the same element nest correctly.
/// </summary>
internal static class SectionPlacer
{
    public static void Place(SectionPair section, List<TemplateError> errors)
    {
        var open = section.Open;
        var close = section.Close;
        if (open.Paragraph != close.Paragraph && open.AloneInParagraph && close.AloneInParagraph
            && open.Paragraph.Parent is not null && open.Paragraph.Parent == close.Paragraph.Parent)
        {
            section.Mode = SectionMode.Paragraphs;
            InsertBefore(open.Paragraph, Markers.ForBoundary(section.Id, BoundaryKind.Start));
            InsertAfter(open.Paragraph, Markers.ForBoundary(section.Id, BoundaryKind.ContentStart));
            InsertBefore(close.Paragraph, Markers.ForBoundary(section.Id, BoundaryKind.ContentEnd));
            if (FillsTableCell(open.Paragraph, close.Paragraph))
            {
                // A cell must keep one paragraph: when the loop is all the cell holds, the closing tag's
                // paragraph stays (empty) so zero items still leave a valid cell.
                InsertBefore(close.Paragraph, Markers.ForBoundary(section.Id, BoundaryKind.End));
            }
            else
            {
                InsertAfter(close.Paragraph, Markers.ForBoundary(section.Id, BoundaryKind.End));
            }

            return;
        }

        var openRow = Nearest<TableRow>(open.Text);
        var closeRow = Nearest<TableRow>(close.Text);
        if (openRow is not null && closeRow is not null && openRow.Parent == closeRow.Parent
            && (openRow != closeRow || Nearest<TableCell>(open.Text) != Nearest<TableCell>(close.Text)))
        {
            section.Mode = SectionMode.TableRows;
            InsertBefore(openRow, Markers.ForBoundary(section.Id, BoundaryKind.Start));
            InsertAfter(closeRow, Markers.ForBoundary(section.Id, BoundaryKind.End));
            return;
        }

        if (SameShapeToCommonAncestor(open.Text, close.Text))
        {
            section.Mode = SectionMode.Inline;
            return;
        }

        errors.Add(open.Error(TemplateErrorKind.SectionPlacement,
            $"The section {open.Raw}…{close.Raw} (closing in \"{close.Context}\") cannot repeat as a unit: put both tags in one paragraph, "
            + "each alone in its own paragraph at the same level, or in cells of the same table row."));
    }

    private static bool FillsTableCell(Paragraph open, Paragraph close) =>
        open.Parent is TableCell
        && open.ElementsBefore().All(e => e is TableCellProperties or OpenXmlMiscNode)
        && close.ElementsAfter().All(e => e is OpenXmlMiscNode);

    private static T? Nearest<T>(OpenXmlElement element)
        where T : OpenXmlElement
    {
        for (var node = element.Parent; node is not null; node = node.Parent)
        {
            if (node is T match)
            {
                return match;
            }
        }

        return null;
    }

    // Repeating the XML between two points is well-formed only when the elements closed after the first
    // point are the same kinds as those opened before the second (e.g. w:t, w:r, w:p on both sides).
    private static bool SameShapeToCommonAncestor(OpenXmlElement a, OpenXmlElement b)
    {
        var ancestorsOfA = new List<OpenXmlElement>();
        for (var node = a; node is not null; node = node.Parent)
        {
            ancestorsOfA.Add(node);
        }

        var pathB = new List<OpenXmlElement>();
        OpenXmlElement? common = null;
        for (var node = b; node is not null; node = node.Parent)
        {
            if (ancestorsOfA.Contains(node))
            {
                common = node;
                break;
            }

            pathB.Add(node);
        }

        if (common is null)
        {
            return false;
        }

        var pathA = ancestorsOfA.TakeWhile(n => n != common).ToList();
        return pathA.Count == pathB.Count && pathA.Zip(pathB).All(p => p.First.GetType() == p.Second.GetType());
    }

    private static void InsertBefore(OpenXmlElement element, string comment) =>
        element.Parent!.InsertBefore(new OpenXmlMiscNode(System.Xml.XmlNodeType.Comment, comment), element);

    private static void InsertAfter(OpenXmlElement element, string comment) =>
        element.Parent!.InsertAfter(new OpenXmlMiscNode(System.Xml.XmlNodeType.Comment, comment), element);
}
