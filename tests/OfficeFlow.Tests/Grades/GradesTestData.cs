using OfficeFlow.Functions.Grades.Computation;
using OfficeFlow.Functions.Grades.Policy;

namespace OfficeFlow.Tests.Grades;

/// <summary>The shipped policy and small ledgers for hand-checked examples (October 2026: 22 working days).</summary>
internal static class GradesTestData
{
    public static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    public static readonly GradesMonth October = new(2026, 10);

    public static string ShippedPolicyPath => Path.Combine(PolicyLibrary.DefaultFolder, "policy-2026-01.json");

    public static GradesPolicy Policy() => PolicyLoader.LoadFile(ShippedPolicyPath);

    /// <summary>The shipped policy with a textual edit, for what-if policies in tests.</summary>
    public static GradesPolicy PolicyWith(string find, string replace)
    {
        var json = File.ReadAllText(ShippedPolicyPath);
        Assert.Contains(find, json);
        return PolicyLoader.Parse(json.Replace(find, replace, StringComparison.Ordinal), "edited policy");
    }

    public static IEnumerable<LedgerEntry> Entries(string employeeId, string code, int count, DateOnly? day = null, LedgerSource source = LedgerSource.Automatic)
    {
        var date = day ?? new DateOnly(2026, 10, 15);
        for (var i = 0; i < count; i++)
        {
            yield return new LedgerEntry($"{employeeId}-{code}-{date:MMdd}-{i}", employeeId, new DateTimeOffset(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(3)).AddMinutes(i),
                code, source, ClientId: "c1", ClientName: "ООО «Ромашка»", SourceId: source == LedgerSource.Automatic ? $"src:{employeeId}:{code}:{i}" : null);
        }
    }

    public static MonthGrades Compute(IReadOnlyList<Employee> employees, IEnumerable<LedgerEntry> entries, MonthInputs? inputs = null, GradesPolicy? policy = null) =>
        GradesCalculator.Compute(October, policy ?? Policy(), employees, entries.ToList(), inputs ?? MonthInputs.None, Moscow);
}
