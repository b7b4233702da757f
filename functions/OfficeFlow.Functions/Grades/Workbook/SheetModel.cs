namespace OfficeFlow.Functions.Grades.Workbook;

/// <summary>
/// One cell of a generated sheet, before it becomes either an Open XML cell (the .xlsx) or a cell of the
/// add-in's API (GET /api/grades/{month}/sheets). Both read the same model, so a formula exists once.
/// </summary>
/// <param name="Value">A string, a decimal, or a date serial (double); for a formula, its cached result.</param>
/// <param name="Formula">Without the leading "=", as the .xlsx carries it; null for a constant.</param>
/// <param name="Style">An index of <see cref="WorkbookStyles"/>, which also gives the number format code.</param>
public sealed record SheetCell(object Value, string? Formula, uint Style)
{
    /// <summary>A constant text cell: written as a string cell, never read as a formula.</summary>
    public bool IsText => Formula is null && Value is string;

    public static SheetCell Text(string? text, uint style = WorkbookStyles.Default) => new(CellText.Clean(text), null, style);

    public static SheetCell Number(decimal value, uint style = WorkbookStyles.Default) => new(value, null, style);

    public static SheetCell Date(DateOnly value) => new(CellText.Serial(value), null, WorkbookStyles.Date);

    public static SheetCell Calculated(string formula, decimal cached, uint style = WorkbookStyles.Default) => new(cached, formula, style);

    public static SheetCell CalculatedText(string formula, string cached, uint style = WorkbookStyles.Default) => new(CellText.Clean(cached), formula, style);
}

/// <summary>A row of a sheet: its 1-based index and its cells from column A on.</summary>
public sealed record SheetRow(uint Index, IReadOnlyList<SheetCell> Cells);

/// <summary>A small sheet as rows of <see cref="SheetCell"/> (row 1 is the header or title), with its column widths.</summary>
public sealed record SheetModel(string Name, IReadOnlyList<double> Widths, IReadOnlyList<SheetRow> Rows);

/// <summary>
/// The sheet names formulas refer to. The generated workbook holds one month and uses the plain names; the
/// add-in writes months side by side into the accountant's workbook, so there each name carries the month.
/// </summary>
public sealed record SheetNames(string Summary, string Tasks, string Parameters)
{
    public static SheetNames Workbook { get; } = new(SummarySheet.Name, TasksSheet.Name, ParametersSheet.Name);

    /// <summary>"Итоги 2026-10", "Задачи 2026-10", "Параметры 2026-10".</summary>
    public static SheetNames ForMonth(string month) => new($"{SummarySheet.Name} {month}", $"{TasksSheet.Name} {month}", $"{ParametersSheet.Name} {month}");
}
