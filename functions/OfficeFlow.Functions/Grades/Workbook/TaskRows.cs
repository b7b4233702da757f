using System.Globalization;
using OfficeFlow.Functions.Grades.Computation;
using OfficeFlow.Functions.Grades.Policy;

namespace OfficeFlow.Functions.Grades.Workbook;

/// <summary>One line of the Tasks sheet, already resolved against the policy (points as the month's policy counts them).</summary>
public readonly record struct TaskRow(
    double Serial,
    string EmployeeId,
    string EmployeeName,
    string Code,
    string Category,
    int? Class,
    decimal Points,
    string Client,
    string Source,
    int? Minutes,
    string Note);

/// <summary>
/// The Tasks sheet's columns and the rows of a month, shared by the workbook, the add-in's API
/// (GET /api/grades/{month}/tasks) and the benchmark's raw baseline. The sheet holds values only, no formulas.
/// </summary>
public static class TaskRows
{
    /// <summary>Excel's last row is 1 048 576; one is the header.</summary>
    public const int MaxRows = 1_048_575;

    public static readonly string[] Headers =
        ["Дата и время", "ID сотрудника", "Сотрудник", "Код задачи", "Категория", "Класс сложности", "Баллы", "Клиент", "Источник", "Минуты", "Примечание"];

    public static readonly double[] Widths = [17, 16, 26, 10, 28, 10, 8, 32, 11, 9, 36];

    // Styles of the numeric columns; every other column is text (shared or inline strings).
    public const uint DateStyle = WorkbookStyles.DateTime;
    public const uint ClassStyle = WorkbookStyles.Integer;
    public const uint PointsStyle = WorkbookStyles.Points;
    public const uint MinutesStyle = WorkbookStyles.Integer;

    /// <summary>Each column's number format code, "@" for the text columns (so client text is never read as a formula).</summary>
    public static readonly string[] Formats =
    [
        WorkbookStyles.FormatCode(DateStyle), WorkbookStyles.TextFormat, WorkbookStyles.TextFormat, WorkbookStyles.TextFormat, WorkbookStyles.TextFormat,
        WorkbookStyles.FormatCode(ClassStyle), WorkbookStyles.FormatCode(PointsStyle), WorkbookStyles.TextFormat, WorkbookStyles.TextFormat,
        WorkbookStyles.FormatCode(MinutesStyle), WorkbookStyles.TextFormat,
    ];

    // Column letters the Summary's formulas refer to.
    public const string EmployeeColumn = "B";
    public const string CategoryColumn = "E";
    public const string ClassColumn = "F";
    public const string PointsColumn = "G";

    public const string Automatic = "авто";
    public const string Manual = "вручную";

    public static IEnumerable<TaskRow> Of(MonthGrades grades, IEnumerable<LedgerEntry> entries, TimeZoneInfo zone, IReadOnlyDictionary<string, string>? clientNames = null) =>
        Of(grades.Month, grades.Policy, grades.Employees.Select(g => g.Employee), entries, zone, clientNames);

    /// <summary>The rows without computing the month: <paramref name="graded"/> are the month's graded employees
    /// (<see cref="GradesCalculator.EmployedIn"/>), whose names replace ids; anyone else keeps the id as name.</summary>
    public static IEnumerable<TaskRow> Of(GradesMonth month, GradesPolicy policy, IEnumerable<Employee> graded, IEnumerable<LedgerEntry> entries, TimeZoneInfo zone,
        IReadOnlyDictionary<string, string>? clientNames = null)
    {
        var names = graded.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
        var categories = policy.Categories.ToDictionary(c => c.Code, c => c.TitleRu, StringComparer.Ordinal);
        var catalog = policy.Catalog.ToDictionary(t => t.Code, t => (Category: categories[t.Category], t.Class, t.Points), StringComparer.Ordinal);
        var clock = new ZoneClock(zone);
        foreach (var entry in entries)
        {
            var local = clock.ToLocal(entry.At);
            if (local.Year != month.Year || local.Month != month.Month)
            {
                continue;
            }

            var known = catalog.TryGetValue(entry.TaskCode, out var task);
            var client = entry.ClientName ?? (entry.ClientId is not null && clientNames?.GetValueOrDefault(entry.ClientId) is { } name ? name : entry.ClientId) ?? "";
            yield return new TaskRow(
                CellText.Serial(local),
                entry.EmployeeId,
                names.GetValueOrDefault(entry.EmployeeId) ?? entry.EmployeeId,
                entry.TaskCode,
                known ? task.Category : "не в политике " + policy.Version,
                known ? task.Class : null,
                known ? task.Points : 0,
                client,
                entry.Source == LedgerSource.Automatic ? Automatic : Manual,
                entry.Minutes,
                entry.Note ?? "");
        }
    }

    /// <summary>The minutes cell's text; null for an empty cell.</summary>
    public static string? Minutes(in TaskRow row) => row.Minutes?.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A row's values in column order, as the .xlsx holds them: the date as a serial number, text cleaned of what
    /// XML cannot carry, "" for an empty cell (Office.js writes "" as empty; null would mean "leave unchanged").
    /// </summary>
    public static object[] Values(in TaskRow row) =>
    [
        row.Serial, CellText.Clean(row.EmployeeId), CellText.Clean(row.EmployeeName), CellText.Clean(row.Code), CellText.Clean(row.Category),
        row.Class is { } c ? c : "", row.Points, CellText.Clean(row.Client), row.Source, row.Minutes is { } m ? m : "", CellText.Clean(row.Note),
    ];
}
