using OfficeFlow.Functions.Grades.Policy;

namespace OfficeFlow.Functions.Grades.Computation;

/// <summary>
/// Computes a month's grades from the policy in force, the employees and the ledger. Pure and
/// deterministic: the same inputs give the same result, nothing is read from the clock or storage.
/// </summary>
public static class GradesCalculator
{
    public static MonthGrades Compute(
        GradesMonth month,
        GradesPolicy policy,
        IReadOnlyList<Employee> employees,
        IEnumerable<LedgerEntry> entries,
        MonthInputs inputs,
        TimeZoneInfo zone)
    {
        var warnings = new List<string>();
        var monthDays = policy.Calendar.CountWorkingDays(month.FirstDay, month.LastDay);
        var catalog = policy.Catalog.ToDictionary(t => t.Code, StringComparer.Ordinal);

        var graded = EmployedIn(employees, month);
        var tallies = graded.ToDictionary(e => e.Id, _ => new Tally(), StringComparer.Ordinal);
        var unknownCodes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var unknownEmployees = new SortedDictionary<string, int>(StringComparer.Ordinal);

        var clock = new ZoneClock(zone);
        foreach (var entry in entries)
        {
            if (clock.MonthOf(entry.At) != month)
            {
                continue;
            }

            if (!tallies.TryGetValue(entry.EmployeeId, out var tally))
            {
                unknownEmployees[entry.EmployeeId] = unknownEmployees.GetValueOrDefault(entry.EmployeeId) + 1;
                continue;
            }

            tally.Count++;
            if (catalog.TryGetValue(entry.TaskCode, out var task))
            {
                tally.ByClass[task.Class] = tally.ByClass.GetValueOrDefault(task.Class) + task.Points;
                tally.ByCategory[task.Category] = tally.ByCategory.GetValueOrDefault(task.Category) + task.Points;
            }
            else
            {
                tally.Unknown++;
                unknownCodes[entry.TaskCode] = unknownCodes.GetValueOrDefault(entry.TaskCode) + 1;
            }
        }

        foreach (var (code, count) in unknownCodes)
        {
            warnings.Add($"{count} entries have task code '{code}', which policy {policy.Version} does not list: they count 0 points.");
        }

        foreach (var (id, count) in unknownEmployees)
        {
            warnings.Add($"{count} entries belong to '{id}', who is not a graded employee this month: they are listed but not graded.");
        }

        var staff = graded.Where(e => e.Role != policy.Head.Role).Select(e => Grade(e, tallies[e.Id], policy, month, monthDays, inputs, warnings)).ToList();
        var head = HeadProfitOf(policy, inputs, staff);
        var heads = graded.Where(e => e.Role == policy.Head.Role).Select(e => GradeHead(e, tallies[e.Id], policy, month, monthDays, head)).ToList();
        if (heads.Count > 1)
        {
            warnings.Add($"{heads.Count} employees have the head's role; each is paid the whole department profit.");
        }

        var all = staff.Concat(heads).OrderBy(g => graded.IndexOf(g.Employee)).ToList();
        return new MonthGrades(month, policy, monthDays, all, head, inputs, warnings);
    }

    /// <summary>The employees graded in a month: joined on or before its last day and not left before its first.</summary>
    public static List<Employee> EmployedIn(IEnumerable<Employee> employees, GradesMonth month) =>
        employees.Where(e => (e.Joined is null || e.Joined <= month.LastDay) && (e.Left is null || e.Left >= month.FirstDay)).ToList();

    private static EmployeeGrade Grade(Employee employee, Tally tally, GradesPolicy policy, GradesMonth month, int monthDays, MonthInputs inputs, List<string> warnings)
    {
        var role = policy.FindRole(employee.Role);
        if (role is null)
        {
            throw new InvalidOperationException($"Employee '{employee.Id}' has role '{employee.Role}', which policy {policy.Version} does not define.");
        }

        var days = EmployeeWorkingDays(employee, policy, month);
        var plan = Money.Round2(role.PlanPointsPerWorkingDay * days);
        var points = tally.ByClass.Values.Sum();
        var fulfilment = plan == 0 ? 0 : Money.Round4(points / plan);
        var band = BandOf(policy, fulfilment);
        var basePay = Prorate(role.BasePay, days, monthDays);
        var target = Prorate(role.TargetBonus, days, monthDays);
        var deductions = DeductionsOf(employee, policy, inputs, warnings);
        var raw = Money.Round2(target * fulfilment * band.Coefficient);
        var bonus = Math.Max(role.BonusFloor, Math.Min(role.BonusCap, raw) - deductions);
        var minimum = Prorate(role.GuaranteedMinimum, days, monthDays);
        var pay = Math.Max(minimum, basePay + bonus);
        return new EmployeeGrade(employee, role, days, plan, ClassPoints(policy, tally), CategoryPoints(policy, tally), points, tally.Count, tally.Unknown,
            fulfilment, band.Band, band.Coefficient, basePay, target, deductions, bonus, minimum, pay, IsHead: false);
    }

    private static EmployeeGrade GradeHead(Employee employee, Tally tally, GradesPolicy policy, GradesMonth month, int monthDays, HeadProfit head)
    {
        var role = policy.FindRole(employee.Role)!;
        var days = EmployeeWorkingDays(employee, policy, month);
        var plan = Money.Round2(role.PlanPointsPerWorkingDay * days);
        var points = tally.ByClass.Values.Sum();
        var fulfilment = plan == 0 ? 0 : Money.Round4(points / plan);
        var band = BandOf(policy, fulfilment);
        var minimum = Prorate(policy.Head.GuaranteedMinimum, days, monthDays);

        // Seed 003: below the guaranteed minimum the firm pays the minimum, never less.
        var pay = Math.Max(minimum, head.Profit);
        return new EmployeeGrade(employee, role, days, plan, ClassPoints(policy, tally), CategoryPoints(policy, tally), points, tally.Count, tally.Unknown,
            fulfilment, band.Band, band.Coefficient, 0, 0, 0, 0, minimum, pay, IsHead: true);
    }

    private static HeadProfit HeadProfitOf(GradesPolicy policy, MonthInputs inputs, IReadOnlyList<EmployeeGrade> staff)
    {
        var volume = inputs.SubscriptionVolume + inputs.OneOffVolume;
        var shareOfVolume = Money.Round2(policy.Head.Share * volume);
        var salaries = inputs.StaffSalaries ?? staff.Sum(s => s.Pay);
        return new HeadProfit(volume, policy.Head.Share, shareOfVolume, salaries, inputs.Contractors, shareOfVolume - salaries - inputs.Contractors);
    }

    /// <summary>Working days the employee was with the firm in the month (from the day they joined, up to the day they left).</summary>
    public static int EmployeeWorkingDays(Employee employee, GradesPolicy policy, GradesMonth month)
    {
        var from = employee.Joined is { } joined && joined > month.FirstDay ? joined : month.FirstDay;
        var to = employee.Left is { } left && left < month.LastDay ? left : month.LastDay;
        return from > to ? 0 : policy.Calendar.CountWorkingDays(from, to);
    }

    public static GradeBand BandOf(GradesPolicy policy, decimal fulfilment) =>
        policy.Bands.Last(b => b.MinFulfilment <= fulfilment);

    private static decimal Prorate(decimal amount, int days, int monthDays) =>
        monthDays == 0 ? 0 : Money.Round2(amount * days / monthDays);

    private static decimal DeductionsOf(Employee employee, GradesPolicy policy, MonthInputs inputs, List<string> warnings)
    {
        decimal total = 0;
        foreach (var occurrence in inputs.Deductions.Where(d => d.EmployeeId == employee.Id))
        {
            var deduction = policy.Deductions.FirstOrDefault(d => d.Code == occurrence.Code);
            if (deduction is null)
            {
                warnings.Add($"Deduction '{occurrence.Code}' for '{employee.Id}' is not in policy {policy.Version}: ignored.");
                continue;
            }

            total += deduction.Amount * occurrence.Count;
        }

        return total;
    }

    private static IReadOnlyDictionary<int, decimal> ClassPoints(GradesPolicy policy, Tally tally) =>
        policy.Classes.ToDictionary(c => c.Class, c => tally.ByClass.GetValueOrDefault(c.Class));

    private static IReadOnlyDictionary<string, decimal> CategoryPoints(GradesPolicy policy, Tally tally) =>
        policy.Categories.ToDictionary(c => c.Code, c => tally.ByCategory.GetValueOrDefault(c.Code), StringComparer.Ordinal);

    private sealed class Tally
    {
        public int Count;
        public int Unknown;
        public readonly Dictionary<int, decimal> ByClass = [];
        public readonly Dictionary<string, decimal> ByCategory = new(StringComparer.Ordinal);
    }
}
