using OfficeFlow.Functions.Grades.Computation;
using OfficeFlow.Functions.Grades.Policy;

namespace OfficeFlow.Functions.Grades;

/// <summary>The Grades capability's configuration (section "Grades"; defaults in docs/grades.md).</summary>
public sealed class GradesSettings
{
    public const string DefaultTimeZone = "Europe/Moscow";

    /// <summary>The firm's time zone: decides which month an entry belongs to and when the month is over.
    /// Read from the app-wide "TimeZone" setting, else "Grades:TimeZone", else Europe/Moscow.</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZone);

    /// <summary>Grades:PolicyFolder — the folder of policy-*.json versions (default: Grades/Policy next to the binaries).</summary>
    public string PolicyFolder { get; init; } = PolicyLibrary.DefaultFolder;

    /// <summary>Grades:EmployeesFile — who is graded (default: Grades/Policy/employees.json next to the binaries).</summary>
    public string EmployeesFile { get; init; } = Path.Combine(PolicyLibrary.DefaultFolder, "employees.json");

    /// <summary>Grades:AccountantEmail — who gets the monthly workbook link.</summary>
    public string? AccountantEmail { get; init; }

    /// <summary>Grades:DocumentFolder — the drive folder (or local subfolder) the monthly workbooks go to (default "Grades").</summary>
    public string DocumentFolder { get; init; } = "Grades";

    /// <summary>Grades:Months:yyyy-MM:* — the month's volume, contractors and deductions until invoices supply them.</summary>
    public IReadOnlyDictionary<string, MonthInputs> Months { get; init; } = new Dictionary<string, MonthInputs>();

    public MonthInputs InputsFor(GradesMonth month) => Months.GetValueOrDefault(month.ToString()) ?? MonthInputs.None;

    public static GradesSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Grades");
        var zoneId = configuration["TimeZone"] ?? section["TimeZone"] ?? DefaultTimeZone;
        var months = new Dictionary<string, MonthInputs>(StringComparer.Ordinal);
        foreach (var month in section.GetSection("Months").GetChildren())
        {
            months[month.Key] = new MonthInputs
            {
                SubscriptionVolume = month.GetValue<decimal>("SubscriptionVolume"),
                OneOffVolume = month.GetValue<decimal>("OneOffVolume"),
                Contractors = month.GetValue<decimal>("Contractors"),
                StaffSalaries = month.GetValue<decimal?>("StaffSalaries"),
                Deductions = month.GetSection("Deductions").GetChildren()
                    .Select(d => new DeductionOccurrence(d["EmployeeId"] ?? "", d["Code"] ?? "", d.GetValue("Count", 1))).ToList(),
            };
        }

        return new GradesSettings
        {
            Zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId),
            PolicyFolder = section["PolicyFolder"] ?? PolicyLibrary.DefaultFolder,
            EmployeesFile = section["EmployeesFile"] ?? Path.Combine(PolicyLibrary.DefaultFolder, "employees.json"),
            AccountantEmail = section["AccountantEmail"],
            DocumentFolder = section["DocumentFolder"] ?? "Grades",
            Months = months,
        };
    }
}
