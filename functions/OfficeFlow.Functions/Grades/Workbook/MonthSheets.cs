using OfficeFlow.Functions.Grades.Computation;

namespace OfficeFlow.Functions.Grades.Workbook;

/// <summary>
/// The month's formula sheets (Параметры and Итоги) as cell models, built by one code path for both the
/// generated .xlsx (<see cref="GradesWorkbookWriter"/>, plain sheet names) and the Excel add-in's API
/// (GET /api/grades/{month}/sheets, sheet names carrying the month).
/// </summary>
public sealed record MonthSheets(SheetModel Parameters, SheetModel Summary, SummaryLayout Layout)
{
    public static MonthSheets Build(MonthGrades grades, TimeZoneInfo zone, SheetNames names)
    {
        ArgumentNullException.ThrowIfNull(grades);
        var (parameters, cells) = ParametersSheet.Build(grades, zone, names);
        var (summary, layout) = SummarySheet.Build(grades, cells, names);
        return new MonthSheets(parameters, summary, layout);
    }
}
