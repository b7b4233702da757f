using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Hosting.Downloads;
using OfficeFlow.Functions.Grades.Computation;

namespace OfficeFlow.Functions.Grades.Api;

/// <summary>GET /api/grades/{yyyy-MM} (the month so far) and GET /api/grades/{yyyy-MM}/workbook (the accountant's file).</summary>
public static class GradesApi
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/grades/{month}", Get)
            .WithName("GradesGet")
            .WithSummary("A month's grades so far: everyone for accountants and admins, only oneself for a manager.")
            .RequireAuthorization(Roles.AnyRole);
        api.MapGet("/grades/{month}/workbook", Workbook)
            .WithName("GradesWorkbook")
            .WithSummary("The month's grades workbook (.xlsx), computed now from the ledger.")
            .RequireAuthorization(Roles.Accountant);
    }

    public static async Task<Results<Ok<MonthGradesResponse>, ProblemHttpResult>> Get(string month, HttpContext http, GradesService grades, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        // The AnyRole policy let the caller in; the role only decides whose rows they see.
        var seesEveryone = user.IsIn(Roles.Accountant) || user.IsIn(Roles.Admin);

        if (!GradesMonth.TryParse(month, out var parsed))
        {
            return GradesProblems.BadMonth(month);
        }

        if (!grades.HasPolicy(parsed))
        {
            return GradesProblems.NoPolicy(parsed.ToString());
        }

        var result = (await grades.ComputeAsync(parsed, cancellationToken)).Grades;
        var employees = result.Employees.Where(g => seesEveryone || g.Employee.Id == user.Id).Select(EmployeeGradeResponse.From).ToList();
        return TypedResults.Ok(new MonthGradesResponse(parsed.ToString(), result.Policy.Version, result.MonthWorkingDays, employees,
            seesEveryone ? result.Head : null, seesEveryone ? result.Warnings : []));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Workbook(string month, HttpContext http, GradesService grades, CancellationToken cancellationToken)
    {
        if (!GradesMonth.TryParse(month, out var parsed))
        {
            return GradesProblems.BadMonth(month);
        }

        if (!grades.HasPolicy(parsed))
        {
            return GradesProblems.NoPolicy(parsed.ToString());
        }

        var (_, bytes) = await grades.WorkbookAsync(parsed, cancellationToken);
        return DownloadHeaders.File(http, bytes, XlsxContentType, GradesService.WorkbookFileName(parsed));
    }
}
