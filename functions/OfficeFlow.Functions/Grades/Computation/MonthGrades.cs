using OfficeFlow.Functions.Grades.Policy;

namespace OfficeFlow.Functions.Grades.Computation;

/// <summary>The grades of one month: what the workbook shows and the API returns.</summary>
public sealed record MonthGrades(
    GradesMonth Month,
    GradesPolicy Policy,
    int MonthWorkingDays,
    IReadOnlyList<EmployeeGrade> Employees,
    HeadProfit Head,
    MonthInputs Inputs,
    IReadOnlyList<string> Warnings);

/// <summary>One employee's month. Money in roubles, rounded as <see cref="Money"/> says.</summary>
public sealed record EmployeeGrade(
    Employee Employee,
    RolePlan Role,
    int WorkingDays,
    decimal Plan,
    IReadOnlyDictionary<int, decimal> PointsByClass,
    IReadOnlyDictionary<string, decimal> PointsByCategory,
    decimal Points,
    int TaskCount,
    int UnknownTaskCount,
    decimal Fulfilment,
    string Band,
    decimal Coefficient,
    decimal BasePay,
    decimal TargetBonus,
    decimal Deductions,
    decimal Bonus,
    decimal GuaranteedMinimum,
    decimal Pay,
    bool IsHead);

/// <summary>The head's "internal entrepreneur" figures (seed 003): profit = share × volume − staff salaries − contractors.</summary>
public sealed record HeadProfit(
    decimal Volume,
    decimal Share,
    decimal ShareOfVolume,
    decimal StaffSalaries,
    decimal Contractors,
    decimal Profit);
