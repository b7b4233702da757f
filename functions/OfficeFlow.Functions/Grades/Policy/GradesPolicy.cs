using OfficeFlow.Functions.Grades.Computation;

namespace OfficeFlow.Functions.Grades.Policy;

/// <summary>
/// One version of the firm's pay rules ("smart salary"), read from a policy JSON file.
/// A version is in force from <see cref="EffectiveFrom"/> until the next version's month;
/// the firm changes pay by adding a new file, never by editing code.
/// </summary>
public sealed class GradesPolicy
{
    /// <summary>A name for this version, shown in the workbook, e.g. "2026-01".</summary>
    public string Version { get; init; } = "";

    /// <summary>The first month (yyyy-MM) this version applies to.</summary>
    public string EffectiveFrom { get; init; } = "";

    public string Currency { get; init; } = "RUB";

    public ProductionCalendar Calendar { get; init; } = new();

    public IReadOnlyList<TaskCategory> Categories { get; init; } = [];

    public IReadOnlyList<ComplexityClass> Classes { get; init; } = [];

    public IReadOnlyList<CatalogTask> Catalog { get; init; } = [];

    public IReadOnlyList<RolePlan> Roles { get; init; } = [];

    /// <summary>Grade bands; the band of a fulfilment is the one with the highest <see cref="GradeBand.MinFulfilment"/> not above it.</summary>
    public IReadOnlyList<GradeBand> Bands { get; init; } = [];

    public IReadOnlyList<QualityDeduction> Deductions { get; init; } = [];

    public HeadScheme Head { get; init; } = new();

    public GradesMonth EffectiveMonth => GradesMonth.Parse(EffectiveFrom);

    public CatalogTask? FindTask(string code) => Catalog.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.Ordinal));

    public RolePlan? FindRole(string role) => Roles.FirstOrDefault(r => string.Equals(r.Role, role, StringComparison.Ordinal));
}

public sealed class TaskCategory
{
    public string Code { get; init; } = "";
    public string TitleRu { get; init; } = "";
    public string TitleEn { get; init; } = "";
}

/// <summary>A complexity class: 1 routine … 4 expert.</summary>
public sealed class ComplexityClass
{
    public int Class { get; init; }
    public string TitleRu { get; init; } = "";
    public string TitleEn { get; init; } = "";
}

/// <summary>One numbered task of the manager's list (seed 000), with how much it is worth.</summary>
public sealed class CatalogTask
{
    public string Code { get; init; } = "";
    public string TitleRu { get; init; } = "";
    public string TitleEn { get; init; } = "";
    public string Category { get; init; } = "";
    public int Class { get; init; }
    public decimal Points { get; init; }

    /// <summary>Typical frequency: daily, weekly, monthly, quarterly or rare.</summary>
    public string Frequency { get; init; } = "";

    /// <summary>The OfficeFlow event that logs this task automatically, or null when it is logged by hand.</summary>
    public string? AutoEvent { get; init; }
}

/// <summary>Plan and pay of a role. Amounts are for a full month; a partial month is prorated by working days.</summary>
public sealed class RolePlan
{
    /// <summary>"manager" or "head" (the head is paid by <see cref="HeadScheme"/>).</summary>
    public string Role { get; init; } = "";
    public string TitleRu { get; init; } = "";
    public string TitleEn { get; init; } = "";
    public decimal PlanPointsPerWorkingDay { get; init; }
    public decimal BasePay { get; init; }
    public decimal TargetBonus { get; init; }
    public decimal BonusFloor { get; init; }
    public decimal BonusCap { get; init; }
    public decimal GuaranteedMinimum { get; init; }
}

public sealed class GradeBand
{
    public string Band { get; init; } = "";
    public decimal MinFulfilment { get; init; }
    public decimal Coefficient { get; init; }
}

/// <summary>A quality deduction from the bonus, per occurrence.</summary>
public sealed class QualityDeduction
{
    public string Code { get; init; } = "";
    public string TitleRu { get; init; } = "";
    public string TitleEn { get; init; } = "";
    public decimal Amount { get; init; }
}

/// <summary>The department head's "internal entrepreneur" scheme (seed 003).</summary>
public sealed class HeadScheme
{
    /// <summary>The role code paid by this scheme.</summary>
    public string Role { get; init; } = "head";

    /// <summary>Share of the month's volume, 0.5 by default.</summary>
    public decimal Share { get; init; } = 0.5m;

    public decimal GuaranteedMinimum { get; init; }
}
