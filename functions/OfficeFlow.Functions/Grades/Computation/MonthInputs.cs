namespace OfficeFlow.Functions.Grades.Computation;

/// <summary>
/// Figures of the month that are not tasks: the department's volume and costs for the head's scheme,
/// and quality deductions. Until the invoices capability supplies volume these come from configuration
/// (Grades:Months:yyyy-MM) or, for the CLI, from the ledger file.
/// </summary>
public sealed record MonthInputs
{
    public static readonly MonthInputs None = new();

    /// <summary>Subscription fees (абонентская плата) of the month.</summary>
    public decimal SubscriptionVolume { get; init; }

    /// <summary>One-off work, consultations and projects accepted in the month.</summary>
    public decimal OneOffVolume { get; init; }

    /// <summary>Paid outside contractors.</summary>
    public decimal Contractors { get; init; }

    /// <summary>Salaries of the department's staff except the head; null means "the computed pay of the graded non-head employees".</summary>
    public decimal? StaffSalaries { get; init; }

    public IReadOnlyList<DeductionOccurrence> Deductions { get; init; } = [];
}

/// <summary>A quality deduction recorded against an employee in the month.</summary>
public sealed record DeductionOccurrence(string EmployeeId, string Code, int Count = 1);
