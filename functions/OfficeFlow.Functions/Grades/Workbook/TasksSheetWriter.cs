using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OfficeFlow.Functions.Grades.Workbook;

/// <summary>
/// Streams the Tasks sheet: a million rows never exist as a DOM. The rows are written with a plain
/// <see cref="XmlWriter"/> over the worksheet part's stream (the SDK's <see cref="OpenXmlWriter"/> spent more
/// than twice the CPU of the XML itself on per-element metadata lookups, see docs/grades.md, Benchmark);
/// the few structural elements (frozen header, column widths, header row, autofilter) are SDK elements
/// written through the same writer, so their XML stays the SDK's own.
/// Repeated text (employee, code, category, client, source) goes to a small shared-string table; free text
/// (notes) is written inline, so nothing grows with the ledger. Cells carry no "r" address: an empty &lt;c/&gt;
/// keeps the column position. Dates are spreadsheet serial numbers with a date style, never formatted text.
/// </summary>
public static class TasksSheetWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    private static readonly string DateStyle = TaskRows.DateStyle.ToString(CultureInfo.InvariantCulture);
    private static readonly string ClassStyle = TaskRows.ClassStyle.ToString(CultureInfo.InvariantCulture);
    private static readonly string PointsStyle = TaskRows.PointsStyle.ToString(CultureInfo.InvariantCulture);
    private static readonly string MinutesStyle = TaskRows.MinutesStyle.ToString(CultureInfo.InvariantCulture);
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), CloseOutput = false };

    private static readonly Text TextElement = new();
    private static readonly OpenXmlAttribute[] NoAttributes = [];
    private static readonly OpenXmlAttribute[] PreserveSpace = [new("xml", "space", XmlNamespace, "preserve")];

    /// <summary>Writes the sheet and returns the number of data rows.</summary>
    public static int Write(Stream partStream, IEnumerable<TaskRow> rows, SharedStrings shared)
    {
        using var xml = XmlWriter.Create(partStream, Settings);
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("worksheet", Main);
        PrintSetup.Properties().WriteTo(xml);
        SheetCells.FrozenHeader(2).WriteTo(xml);
        // The employee id column stays for the Summary's SUMIFS (names need not be unique) but is hidden:
        // the accountant reads names, not ids.
        var columns = SheetCells.Widths(TaskRows.Widths);
        columns.Elements<Column>().ElementAt(Array.IndexOf(TaskRows.Headers, "ID сотрудника")).Hidden = true;
        columns.WriteTo(xml);
        xml.WriteStartElement("sheetData", Main);
        new Row(TaskRows.Headers.Select((h, i) => SheetCells.Text(CellText.Column(i + 1) + "1", h, WorkbookStyles.Header))) { RowIndex = 1 }.WriteTo(xml);

        // One buffer for every number: no string per row index, date or point value.
        var buffer = new char[32];
        var count = 0;
        foreach (var row in rows)
        {
            if (++count > TaskRows.MaxRows)
            {
                throw new InvalidOperationException($"The month has more than {TaskRows.MaxRows:N0} ledger entries, more than a worksheet holds.");
            }

            xml.WriteStartElement("row", Main);
            xml.WriteStartAttribute("r");
            (count + 1).TryFormat(buffer, out var length, default, CultureInfo.InvariantCulture);
            xml.WriteChars(buffer, 0, length);
            xml.WriteEndAttribute();
            row.Serial.TryFormat(buffer, out length, "R", CultureInfo.InvariantCulture);
            Number(xml, DateStyle, buffer, length);
            Shared(xml, shared, row.EmployeeId);
            Shared(xml, shared, row.EmployeeName);
            Shared(xml, shared, row.Code);
            Shared(xml, shared, row.Category);
            Integer(xml, ClassStyle, buffer, row.Class);
            row.Points.TryFormat(buffer, out length, default, CultureInfo.InvariantCulture);
            Number(xml, PointsStyle, buffer, length);
            Shared(xml, shared, row.Client);
            Shared(xml, shared, row.Source);
            Integer(xml, MinutesStyle, buffer, row.Minutes);
            Text(xml, row.Note);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        new AutoFilter { Reference = $"A1:{CellText.Column(TaskRows.Headers.Length)}{count + 1}" }.WriteTo(xml);
        PrintSetup.Margins().WriteTo(xml);
        PrintSetup.Page().WriteTo(xml);
        xml.WriteEndElement();
        return count;
    }

    private static void Number(XmlWriter xml, string style, char[] buffer, int length)
    {
        xml.WriteStartElement("c", Main);
        xml.WriteAttributeString("s", style);
        xml.WriteStartElement("v", Main);
        xml.WriteChars(buffer, 0, length);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Integer(XmlWriter xml, string style, char[] buffer, int? value)
    {
        if (value is not { } v)
        {
            xml.WriteStartElement("c", Main);
            xml.WriteEndElement();
            return;
        }

        v.TryFormat(buffer, out var length, default, CultureInfo.InvariantCulture);
        Number(xml, style, buffer, length);
    }

    private static void Shared(XmlWriter xml, SharedStrings shared, string text)
    {
        xml.WriteStartElement("c", Main);
        if (text.Length > 0)
        {
            xml.WriteAttributeString("t", "s");
            xml.WriteStartElement("v", Main);
            xml.WriteString(shared.IndexOf(text));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, string text)
    {
        xml.WriteStartElement("c", Main);
        if (text.Length > 0)
        {
            xml.WriteAttributeString("t", "inlineStr");
            xml.WriteStartElement("is", Main);
            xml.WriteStartElement("t", Main);
            // Leading or trailing blanks of a note are kept as typed.
            if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
            {
                xml.WriteAttributeString("xml", "space", XmlNamespace, "preserve");
            }

            xml.WriteString(CellText.Clean(text));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

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
}
