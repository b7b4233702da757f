using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Grades.Computation;

namespace OfficeFlow.Functions.Grades.Api;

/// <summary>GET /api/me/month: the signed-in employee's open month so far, for «Мой месяц» in the «Задача» pane.</summary>
public static class MyMonthApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me/month", Get)
            .WithName("MyMonth")
            .WithSummary("The caller's open month so far: points, plan, fulfilment, band and how many points reach the next band.")
            .RequireAuthorization(Roles.AnyRole);
    }

    public static async Task<Results<Ok<MyMonthResponse>, ProblemHttpResult>> Get(HttpContext http, GradesService grades, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var month = grades.OpenMonth;
        if (!grades.HasPolicy(month))
        {
            return GradesProblems.NoPolicy(month.ToString());
        }

        // The same computation as GET /api/grades/{month}: every graded employee has a row, with zeros when they logged nothing.
        var result = (await grades.ComputeAsync(month, cancellationToken)).Grades;
        var mine = result.Employees.FirstOrDefault(g => g.Employee.Id == user.Id);
        if (mine is null)
        {
            return TypedResults.Problem(
                $"Оценки считаются только сотрудникам из списка (Grades:EmployeesFile), а вашей учётной записи ({user.Id}) в нём нет в месяце {month}. Обратитесь к администратору.",
                statusCode: StatusCodes.Status404NotFound, title: "Вас нет в списке сотрудников");
        }

        var progress = BandProgress.Of(result.Policy, mine.Plan, mine.Points);
        return TypedResults.Ok(new MyMonthResponse(
            month.ToString(), mine.Points, mine.Plan, mine.Fulfilment, mine.Band, mine.Coefficient, mine.TaskCount,
            progress.NextBand?.Band, progress.PointsToNextBand,
            result.Policy.Bands.Select(b => new BandThreshold(b.Band, b.MinFulfilment)).ToList()));
    }
}

/// <summary>The body of GET /api/me/month. <see cref="NextBand"/> and <see cref="PointsToNextBand"/> are null at the top band.</summary>
public sealed record MyMonthResponse(
    string Month,
    decimal Points,
    decimal Plan,
    decimal Fulfilment,
    string Band,
    decimal Coefficient,
    int Tasks,
    string? NextBand,
    decimal? PointsToNextBand,
    IReadOnlyList<BandThreshold> Bands);

/// <summary>A band and the fulfilment (points ÷ plan) it starts at, lowest band first.</summary>
public sealed record BandThreshold(string Band, decimal MinFulfilment);
