using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Grades.Computation;
using OfficeFlow.Functions.Grades.Workbook;

namespace OfficeFlow.Functions.Grades.Api;

/// <summary>
/// What the Excel add-in writes into the accountant's open workbook: GET /api/grades/{yyyy-MM}/sheets (Параметры and
/// Итоги as cells with the workbook's own formulas and formats) and GET /api/grades/{yyyy-MM}/tasks (Задачи, in pages).
/// </summary>
public static class GradesSheetsApi
{
    public const int DefaultTake = 5000;
    public const int MaxTake = 10000;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/grades/{month}/sheets", Sheets)
            .WithName("GradesSheets")
            .WithSummary("The month's Параметры and Итоги sheets as cells (values, formulas, number formats) for the Excel add-in; sheet names carry the month.")
            .RequireAuthorization(Roles.Accountant);
        api.MapGet("/grades/{month}/tasks", Tasks)
            .WithName("GradesTasks")
            .WithSummary("A page of the month's Задачи sheet rows (values only) for the Excel add-in: skip ≥ 0 (default 0), take 1–10000 (default 5000).")
            .RequireAuthorization(Roles.Accountant);
    }

    public static async Task<Results<Ok<GradesSheetsResponse>, ProblemHttpResult>> Sheets(string month, GradesService grades, CancellationToken cancellationToken)
    {
        if (!GradesMonth.TryParse(month, out var parsed))
        {
            return GradesProblems.BadMonth(month);
        }

        if (!grades.HasPolicy(parsed))
        {
            return GradesProblems.NoPolicy(parsed.ToString());
        }

        var result = await grades.SheetsAsync(parsed, cancellationToken);
        var layout = result.Sheets.Layout;
        var summary = result.Sheets.Summary;
        var tasks = new GradesTasksSheet("tasks", result.Names.Tasks,
            TaskRows.Headers.Select((h, i) => new GradesColumn(h, TaskRows.Widths[i], TaskRows.Formats[i])).ToList(), result.TaskRows);
        var head = new GradesHeadBlock("summary", (int)layout.HeadTopRow,
            GradesSheet.RowsFrom(summary, (int)layout.HeadTopRow, (int)layout.HeadTopRow + SummarySheet.HeadBlockRows - 1));
        return TypedResults.Ok(new GradesSheetsResponse(parsed.ToString(), result.Grades.Policy.Version,
            [GradesSheet.From("parameters", result.Sheets.Parameters), GradesSheet.From("summary", summary)], tasks, head));
    }

    public static async Task<Results<Ok<GradesTasksResponse>, ValidationProblem, ProblemHttpResult>> Tasks(
        string month, string? skip, string? take, GradesService grades, CancellationToken cancellationToken)
    {
        if (!GradesMonth.TryParse(month, out var parsed))
        {
            return GradesProblems.BadMonth(month);
        }

        // Bound as text, so that "abc" gets the same Russian answer as an out-of-range number.
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var from = 0;
        if (skip is not null && (!int.TryParse(skip, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out from)))
        {
            errors["skip"] = ["skip — сколько строк пропустить: целое число от 0."];
        }

        var count = DefaultTake;
        if (take is not null && (!int.TryParse(take, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxTake))
        {
            errors["take"] = [$"take — сколько строк вернуть: целое число от 1 до {MaxTake}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Неверные параметры страницы");
        }

        if (!grades.HasPolicy(parsed))
        {
            return GradesProblems.NoPolicy(parsed.ToString());
        }

        var (total, rows) = await grades.TaskRowsAsync(parsed, from, count, cancellationToken);
        return TypedResults.Ok(new GradesTasksResponse(total, from, rows.Select(r => (IReadOnlyList<object>)TaskRows.Values(r)).ToList()));
    }
}
