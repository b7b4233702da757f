using OfficeFlow.Functions.Grades.Computation;
using OfficeFlow.Functions.Grades.Policy;
using OfficeFlow.Functions.Hosting;
using OfficeFlow.Functions.Hosting.Schedules;

namespace OfficeFlow.Functions.Grades;

/// <summary>The Grades capability's configuration (section "Grades"; defaults in docs/grades.md).</summary>
public sealed class GradesSettings
{
    /// <summary>The firm's time zone: decides which month an entry belongs to and when the month is over.
    /// Always the app's one time zone (<see cref="HostingSettings.TimeZone"/>, see <see cref="AppTimeZone"/>), the
    /// same the timer schedules are read in, so "the 1st at 06:00" and "last month" never disagree.</summary>
    public required TimeZoneInfo Zone { get; init; }

    /// <summary>Grades:PolicyFolder — the folder of policy-*.json versions (default: Grades/Policy next to the binaries).</summary>
    public string PolicyFolder { get; init; } = PolicyLibrary.DefaultFolder;

    /// <summary>Grades:EmployeesFile — who is graded (default: Grades/Policy/employees.json next to the binaries).</summary>
    public string EmployeesFile { get; init; } = Path.Combine(PolicyLibrary.DefaultFolder, "employees.json");

    /// <summary>Grades:AccountantEmail — who gets the monthly workbook link.</summary>
    public string? AccountantEmail { get; init; }

    /// <summary>Grades:DocumentFolder — the drive folder (or local subfolder) the monthly workbooks go to (default "Grades").</summary>
    public string DocumentFolder { get; init; } = "Grades";

    /// <summary>Grades:Months:yyyy-MM:* — the month's contractors, staff salaries and deductions; its volume
    /// (SubscriptionVolume, OneOffVolume), when given, wins over the invoices capability's.</summary>
    public IReadOnlyDictionary<string, MonthInputs> Months { get; init; } = new Dictionary<string, MonthInputs>();

    public MonthInputs InputsFor(GradesMonth month) => Months.GetValueOrDefault(month.ToString()) ?? MonthInputs.None;

    /// <param name="zone">The app's time zone, injected from <see cref="HostingSettings.TimeZone"/>.</param>
    public static GradesSettings From(IConfiguration configuration, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Grades");
        var months = new Dictionary<string, MonthInputs>(StringComparer.Ordinal);
        foreach (var month in section.GetSection("Months").GetChildren())
        {
            months[month.Key] = new MonthInputs
            {
                SubscriptionVolume = month.GetValue<decimal>("SubscriptionVolume"),
                OneOffVolume = month.GetValue<decimal>("OneOffVolume"),
                VolumeGiven = month["SubscriptionVolume"] is { Length: > 0 } || month["OneOffVolume"] is { Length: > 0 },
                Contractors = month.GetValue<decimal>("Contractors"),
                StaffSalaries = month.GetValue<decimal?>("StaffSalaries"),
                Deductions = month.GetSection("Deductions").GetChildren()
                    .Select(d => new DeductionOccurrence(d["EmployeeId"] ?? "", d["Code"] ?? "", d.GetValue("Count", 1))).ToList(),
            };
        }

        return new GradesSettings
        {
            Zone = zone,
            PolicyFolder = section["PolicyFolder"] ?? PolicyLibrary.DefaultFolder,
            EmployeesFile = section["EmployeesFile"] ?? Path.Combine(PolicyLibrary.DefaultFolder, "employees.json"),
            AccountantEmail = section["AccountantEmail"],
            DocumentFolder = section["DocumentFolder"] ?? "Grades",
            Months = months,
        };
    }
}
