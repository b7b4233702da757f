using System.Globalization;
using OfficeFlow.Functions.Grades.Computation;

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

/// <summary>The Tasks sheet's columns and the rows of a month, shared by the workbook and the benchmark's raw baseline.</summary>
public static class TaskRows
{
    /// <summary>Excel's last row is 1 048 576; one is the header.</summary>
    public const int MaxRows = 1_048_575;

    public static readonly string[] Headers =
        ["Дата и время", "ID сотрудника", "Сотрудник", "Код задачи", "Категория", "Класс сложности", "Баллы", "Клиент", "Источник", "Минуты", "Примечание"];

    public static readonly double[] Widths = [17, 16, 26, 10, 28, 10, 8, 32, 11, 9, 36];

    // Column letters the Summary's formulas refer to.
    public const string EmployeeColumn = "B";
    public const string CategoryColumn = "E";
    public const string ClassColumn = "F";
    public const string PointsColumn = "G";

    public const string Automatic = "авто";
    public const string Manual = "вручную";

    public static IEnumerable<TaskRow> Of(MonthGrades grades, IEnumerable<LedgerEntry> entries, TimeZoneInfo zone, IReadOnlyDictionary<string, string>? clientNames = null)
    {
        var names = grades.Employees.ToDictionary(g => g.Employee.Id, g => g.Employee.Name, StringComparer.Ordinal);
        var categories = grades.Policy.Categories.ToDictionary(c => c.Code, c => c.TitleRu, StringComparer.Ordinal);
        var catalog = grades.Policy.Catalog.ToDictionary(t => t.Code, t => (Category: categories[t.Category], t.Class, t.Points), StringComparer.Ordinal);
        var clock = new ZoneClock(zone);
        foreach (var entry in entries)
        {
            var local = clock.ToLocal(entry.At);
            if (local.Year != grades.Month.Year || local.Month != grades.Month.Month)
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
                known ? task.Category : "не в политике " + grades.Policy.Version,
                known ? task.Class : null,
                known ? task.Points : 0,
                client,
                entry.Source == LedgerSource.Automatic ? Automatic : Manual,
                entry.Minutes,
                entry.Note ?? "");
        }
    }

    /// <summary>The cell texts of a row, in column order; null for an empty cell.</summary>
    public static string? Minutes(in TaskRow row) => row.Minutes?.ToString(CultureInfo.InvariantCulture);
}
