using OfficeFlow.Functions.Grades.Computation;
using OfficeFlow.Functions.Grades.Ledger;
using OfficeFlow.Functions.Grades.Policy;

namespace OfficeFlow.Functions.Grades.Api;

/// <summary>POST /api/tasks: a task the manager did by hand. <see cref="RequestId"/> (or the Idempotency-Key header)
/// makes a repeated request add nothing; <see cref="At"/> defaults to now and must fall in the open month.</summary>
public sealed record CreateTaskRequest(
    [property: System.ComponentModel.DataAnnotations.Required, Hosting.OpenApiExample("\"2.6\"")] string? TaskCode,
    DateTimeOffset? At = null,
    string? ClientId = null,
    string? ClientName = null,
    int? Minutes = null,
    string? Note = null,
    string? RequestId = null);

/// <summary>A ledger entry as the API shows it.</summary>
public sealed record TaskEntryResponse(
    string Id,
    string EmployeeId,
    DateTimeOffset At,
    string TaskCode,
    string? TitleRu,
    decimal Points,
    string Source,
    string? ClientId,
    string? ClientName,
    int? Minutes,
    string? Note)
{
    public static TaskEntryResponse From(LedgerEntity entity, GradesPolicy policy)
    {
        var task = policy.FindTask(entity.TaskCode);
        return new TaskEntryResponse(entity.Id, entity.EmployeeId, entity.At, entity.TaskCode, task?.TitleRu, task?.Points ?? 0,
            entity.Source == LedgerSource.Automatic ? "automatic" : "manual", entity.ClientId, entity.ClientName, entity.Minutes, entity.Note);
    }
}

/// <summary>GET /api/grades/{month}: the month so far.</summary>
public sealed record MonthGradesResponse(
    string Month,
    string PolicyVersion,
    int WorkingDays,
    IReadOnlyList<EmployeeGradeResponse> Employees,
    HeadProfit? Head,
    IReadOnlyList<string> Warnings);

public sealed record EmployeeGradeResponse(
    string Id,
    string Name,
    string Role,
    int WorkingDays,
    decimal Plan,
    decimal Points,
    IReadOnlyDictionary<string, decimal> PointsByClass,
    IReadOnlyDictionary<string, decimal> PointsByCategory,
    int Tasks,
    decimal Fulfilment,
    string Band,
    decimal Coefficient,
    decimal BasePay,
    decimal TargetBonus,
    decimal Deductions,
    decimal Bonus,
    decimal GuaranteedMinimum,
    decimal Pay)
{
    public static EmployeeGradeResponse From(EmployeeGrade g) => new(
        g.Employee.Id, g.Employee.Name, g.Employee.Role, g.WorkingDays, g.Plan, g.Points,
        g.PointsByClass.ToDictionary(p => p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Value),
        g.PointsByCategory, g.TaskCount, g.Fulfilment, g.Band, g.Coefficient, g.BasePay, g.TargetBonus, g.Deductions, g.Bonus, g.GuaranteedMinimum, g.Pay);
}
