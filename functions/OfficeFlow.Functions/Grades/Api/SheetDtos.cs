using System.Text.Json.Serialization;
using OfficeFlow.Functions.Grades.Workbook;

namespace OfficeFlow.Functions.Grades.Api;

/// <summary>
/// GET /api/grades/{month}/sheets: the month's formula sheets for the Excel add-in, cell by cell as the generated
/// workbook has them, with sheet names that carry the month ("Итоги 2026-10"), and the Tasks sheet's shape.
/// </summary>
public sealed record GradesSheetsResponse(
    string Month,
    string PolicyVersion,
    IReadOnlyList<GradesSheet> Sheets,
    GradesTasksSheet Tasks,
    GradesHeadBlock Head);

/// <summary>
/// One sheet. <see cref="Columns"/> give row 1 (headers or the title; the Summary's category formulas read their
/// header) and the widths; <see cref="Rows"/>[0] is sheet row 2, so the formulas' row references hold. A row may be
/// empty (a spacer) or shorter than the columns; its cells start at column A.
/// </summary>
public sealed record GradesSheet(string Key, string Name, IReadOnlyList<GradesColumn> Columns, IReadOnlyList<IReadOnlyList<GradesCell>> Rows)
{
    public static GradesSheet From(string key, SheetModel sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var header = sheet.Rows.FirstOrDefault(r => r.Index == 1)?.Cells ?? [];
        var width = Math.Max(sheet.Widths.Count, sheet.Rows.Count == 0 ? 0 : sheet.Rows.Max(r => r.Cells.Count));
        var columns = Enumerable.Range(0, width)
            .Select(i => new GradesColumn(i < header.Count ? header[i].Value as string : null, i < sheet.Widths.Count ? sheet.Widths[i] : 0))
            .ToList();
        return new GradesSheet(key, sheet.Name, columns, RowsFrom(sheet, 2, sheet.Rows.Count == 0 ? 1 : (int)sheet.Rows.Max(r => r.Index)));
    }

    /// <summary>Sheet rows <paramref name="from"/>…<paramref name="to"/> (1-based), a missing row as an empty one.</summary>
    public static IReadOnlyList<IReadOnlyList<GradesCell>> RowsFrom(SheetModel sheet, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var byIndex = sheet.Rows.ToDictionary(r => (int)r.Index);
        return Enumerable.Range(from, Math.Max(0, to - from + 1))
            .Select(i => byIndex.TryGetValue(i, out var row) ? (IReadOnlyList<GradesCell>)row.Cells.Select(GradesCell.From).ToList() : [])
            .ToList();
    }
}

/// <summary>A column: row 1's text (null when empty), its width in characters, and for the Tasks sheet its format.</summary>
public sealed record GradesColumn(
    string? Header,
    double Width,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Format = null);

/// <summary>
/// A cell. <see cref="Value"/> is a string, a number or a date serial (days since 1899-12-30); for a formula it is the
/// computed (cached) result. <see cref="Formula"/> starts with "=", English function names, commas (Office.js
/// <c>range.formulas</c>). <see cref="Format"/> is the number format code; "@" marks a constant text cell, which must be
/// written with that format set first so text such as "=HYPERLINK(…)" stays text. Formula cells never carry "@".
/// </summary>
public sealed record GradesCell(object Value, string? Formula, string Format)
{
    public static GradesCell From(SheetCell cell) => new(
        cell.Value,
        cell.Formula is null ? null : "=" + cell.Formula,
        cell.IsText ? WorkbookStyles.TextFormat : WorkbookStyles.FormatCode(cell.Style));
}

/// <summary>The Tasks sheet: values only (no formulas), fetched in pages from GET /api/grades/{month}/tasks.</summary>
public sealed record GradesTasksSheet(string Key, string Name, IReadOnlyList<GradesColumn> Columns, int Total);

/// <summary>
/// The head's block ("внутренний предприниматель", seed 003). It is part of the Summary's rows already, at
/// <see cref="Row"/> (1-based sheet row) of the sheet <see cref="Sheet"/>; given here so the add-in can find it.
/// Never null: the workbook always has the block, since every policy has a head scheme.
/// </summary>
public sealed record GradesHeadBlock(string Sheet, int Row, IReadOnlyList<IReadOnlyList<GradesCell>> Rows);

/// <summary>
/// GET /api/grades/{month}/tasks: rows <see cref="Skip"/>… of the Tasks sheet, values in the order of the sheet's
/// columns (dates as serials, "" for an empty cell); <see cref="Total"/> is the month's row count.
/// </summary>
public sealed record GradesTasksResponse(int Total, int Skip, IReadOnlyList<IReadOnlyList<object>> Rows);
