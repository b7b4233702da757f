using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OfficeFlow.Functions.Grades.Workbook;

/// <summary>
/// Streams the Tasks sheet with <see cref="OpenXmlWriter"/>: a million rows never exist as a DOM.
/// Repeated text (employee, code, category, client, source) goes to a small shared-string table; free text
/// (notes) is written inline, so nothing grows with the ledger. Cells carry no "r" address: an empty &lt;c/&gt;
/// keeps the column position.
/// </summary>
public static class TasksSheetWriter
{
    private static readonly Cell CellElement = new();
    private static readonly CellValue ValueElement = new();
    private static readonly InlineString InlineElement = new();
    private static readonly Text TextElement = new();
    private static readonly Row RowElement = new();

    private static readonly OpenXmlAttribute[] TextCell = [new("t", "", "inlineStr")];
    private static readonly OpenXmlAttribute[] SharedCell = [new("t", "", "s")];
    private static readonly OpenXmlAttribute[] DateTimeCell = [new("s", "", WorkbookStyles.DateTime.ToString(CultureInfo.InvariantCulture))];
    private static readonly OpenXmlAttribute[] IntegerCell = [new("s", "", WorkbookStyles.Integer.ToString(CultureInfo.InvariantCulture))];
    private static readonly OpenXmlAttribute[] PointsCell = [new("s", "", WorkbookStyles.Points.ToString(CultureInfo.InvariantCulture))];
    private static readonly OpenXmlAttribute[] NoAttributes = [];
    private static readonly OpenXmlAttribute[] PreserveSpace = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];

    /// <summary>Writes the sheet and returns the number of data rows.</summary>
    public static int Write(Stream partStream, IEnumerable<TaskRow> rows, SharedStrings shared)
    {
        using var writer = OpenXmlWriter.Create(partStream);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(SheetCells.FrozenHeader(2));
        writer.WriteElement(SheetCells.Widths(TaskRows.Widths));
        writer.WriteStartElement(new SheetData());
        writer.WriteElement(new Row(TaskRows.Headers.Select((h, i) => SheetCells.Text(CellText.Column(i + 1) + "1", h, WorkbookStyles.Header))) { RowIndex = 1 });

        var count = 0;
        var rowAttribute = new OpenXmlAttribute[1];
        foreach (var row in rows)
        {
            if (++count > TaskRows.MaxRows)
            {
                throw new InvalidOperationException($"The month has more than {TaskRows.MaxRows:N0} ledger entries, more than a worksheet holds.");
            }

            rowAttribute[0] = new OpenXmlAttribute("r", "", (count + 1).ToString(CultureInfo.InvariantCulture));
            writer.WriteStartElement(RowElement, rowAttribute);
            Value(writer, DateTimeCell, CellText.Number(row.Serial));
            Shared(writer, shared, row.EmployeeId);
            Shared(writer, shared, row.EmployeeName);
            Shared(writer, shared, row.Code);
            Shared(writer, shared, row.Category);
            Value(writer, IntegerCell, row.Class?.ToString(CultureInfo.InvariantCulture));
            Value(writer, PointsCell, CellText.Number(row.Points));
            Shared(writer, shared, row.Client);
            Shared(writer, shared, row.Source);
            Value(writer, IntegerCell, TaskRows.Minutes(row));
            Text(writer, row.Note);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteElement(new AutoFilter { Reference = $"A1:{CellText.Column(TaskRows.Headers.Length)}{count + 1}" });
        writer.WriteEndElement();
        return count;
    }

    private static void Value(OpenXmlWriter writer, OpenXmlAttribute[] style, string? value)
    {
        if (value is null)
        {
            writer.WriteStartElement(CellElement, NoAttributes);
            writer.WriteEndElement();
            return;
        }

        writer.WriteStartElement(CellElement, style);
        writer.WriteStartElement(ValueElement, NoAttributes);
        writer.WriteString(value);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void Shared(OpenXmlWriter writer, SharedStrings shared, string text) =>
        Value(writer, SharedCell, text.Length == 0 ? null : shared.IndexOf(text));

    /// <summary>Writes the shared-string table collected while the sheet streamed.</summary>
    public static void WriteSharedStrings(Stream partStream, SharedStrings shared)
    {
        using var writer = OpenXmlWriter.Create(partStream);
        writer.WriteStartElement(new SharedStringTable(), [
            new OpenXmlAttribute("count", "", shared.References.ToString(CultureInfo.InvariantCulture)),
            new OpenXmlAttribute("uniqueCount", "", shared.Values.Count.ToString(CultureInfo.InvariantCulture))]);
        foreach (var text in shared.Values)
        {
            writer.WriteStartElement(new SharedStringItem(), NoAttributes);
            writer.WriteStartElement(TextElement, text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) ? PreserveSpace : NoAttributes);
            writer.WriteString(text);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void Text(OpenXmlWriter writer, string text)
    {
        if (text.Length == 0)
        {
            writer.WriteStartElement(CellElement, NoAttributes);
            writer.WriteEndElement();
            return;
        }

        writer.WriteStartElement(CellElement, TextCell);
        writer.WriteStartElement(InlineElement, NoAttributes);
        // Leading or trailing blanks of a client's name or a note are kept as typed.
        writer.WriteStartElement(TextElement, char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) ? PreserveSpace : NoAttributes);
        writer.WriteString(CellText.Clean(text));
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }
}
