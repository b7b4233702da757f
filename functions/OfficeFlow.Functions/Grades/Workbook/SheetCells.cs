using DocumentFormat.OpenXml.Spreadsheet;

namespace OfficeFlow.Functions.Grades.Workbook;

/// <summary>
/// Builds cells for the small sheets. Text is always an inline string cell, so a client called
/// =HYPERLINK(...) stays text; formulas come only from our own code and carry their cached value.
/// </summary>
internal static class SheetCells
{
    public static Cell Text(string reference, string? text, uint style = WorkbookStyles.Default) => new(
        new InlineString(new Text(CellText.Clean(text)) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }))
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        StyleIndex = style,
    };

    public static Cell Number(string reference, decimal value, uint style = WorkbookStyles.Default) => new(new CellValue(CellText.Number(value)))
    {
        CellReference = reference,
        StyleIndex = style,
    };

    public static Cell Date(string reference, DateOnly value) => From(reference, SheetCell.Date(value));

    public static Cell Formula(string reference, string formula, decimal cached, uint style = WorkbookStyles.Default) =>
        new(new CellFormula(formula), new CellValue(CellText.Number(cached)))
        {
            CellReference = reference,
            StyleIndex = style,
        };

    public static Cell TextFormula(string reference, string formula, string cached, uint style = WorkbookStyles.Default) =>
        new(new CellFormula(formula), new CellValue(CellText.Clean(cached)))
        {
            CellReference = reference,
            DataType = CellValues.String,
            StyleIndex = style,
        };

    public static Row Row(uint index, params Cell[] cells) => new(cells) { RowIndex = index };

    /// <summary>The Open XML cell of a model cell at <paramref name="reference"/>.</summary>
    public static Cell From(string reference, SheetCell cell) => (cell.Value, cell.Formula) switch
    {
        (string text, null) => Text(reference, text, cell.Style),
        (string text, { } formula) => TextFormula(reference, formula, text, cell.Style),
        (decimal number, null) => Number(reference, number, cell.Style),
        (decimal number, { } formula) => Formula(reference, formula, number, cell.Style),
        (double serial, null) => new Cell(new CellValue(CellText.Number(serial))) { CellReference = reference, StyleIndex = cell.Style },
        _ => throw new ArgumentException($"A cell at {reference} holds a {cell.Value.GetType().Name}, which the workbook does not write.", nameof(cell)),
    };

    /// <summary>The sheet data of a model, cell references from column A.</summary>
    public static SheetData Data(SheetModel sheet) => new(sheet.Rows.Select(row =>
        Row(row.Index, row.Cells.Select((cell, i) => From($"{CellText.Column(i + 1)}{row.Index}", cell)).ToArray())));

    public static Columns Widths(params double[] widths)
    {
        var columns = new Columns();
        for (var i = 0; i < widths.Length; i++)
        {
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widths[i], CustomWidth = true });
        }

        return columns;
    }

    /// <summary>Freezes the rows above <paramref name="firstDataRow"/>, so headers stay visible while scrolling.</summary>
    public static SheetViews FrozenHeader(uint firstDataRow, bool selected = false) => new(
        new SheetView(
            new Pane { VerticalSplit = firstDataRow - 1, TopLeftCell = $"A{firstDataRow}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = $"A{firstDataRow}", SequenceOfReferences = new DocumentFormat.OpenXml.ListValue<DocumentFormat.OpenXml.StringValue> { InnerText = $"A{firstDataRow}" } })
        { WorkbookViewId = 0, TabSelected = selected });
}
