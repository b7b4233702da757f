namespace OfficeFlow.Functions.Grades.Computation;

/// <summary>
/// Figures of the month that are not tasks: the department's volume and costs for the head's scheme,
/// and quality deductions. The volume comes from the invoices capability unless the month's input
/// (Grades:Months:yyyy-MM, or the CLI's ledger file) gives it explicitly (<see cref="VolumeGiven"/>).
/// </summary>
public sealed record MonthInputs
{
    public static readonly MonthInputs None = new();

    /// <summary>Subscription fees (абонентская плата) of the month.</summary>
    public decimal SubscriptionVolume { get; init; }

    /// <summary>One-off work, consultations and projects accepted in the month.</summary>
    public decimal OneOffVolume { get; init; }

    /// <summary>Whether the month's input names the volume itself (either figure set); then invoices are not asked.</summary>
    public bool VolumeGiven { get; init; }

    /// <summary>Paid outside contractors.</summary>
    public decimal Contractors { get; init; }

    /// <summary>Salaries of the department's staff except the head; null means "the computed pay of the graded non-head employees".</summary>
    public decimal? StaffSalaries { get; init; }

    public IReadOnlyList<DeductionOccurrence> Deductions { get; init; } = [];
}

/// <summary>A quality deduction recorded against an employee in the month.</summary>
public sealed record DeductionOccurrence(string EmployeeId, string Code, int Count = 1);
