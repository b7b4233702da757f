using OfficeFlow.Functions.Grades.Computation;
using static OfficeFlow.Tests.Grades.GradesTestData;

namespace OfficeFlow.Tests.Grades;

/// <summary>Hand-checked months under policy 2026-01: manager plan 12 points per working day, base 35 000,
/// target bonus 25 000, cap 37 500, floor 0, minimum 40 000; bands D 0 / C 0.7×0.7 / B 0.9×1.0 / A 1.1×1.2.</summary>
public class GradesCalculatorTests
{
    private static readonly Employee Anna = new("anna", "Анна Смирнова", "manager", new DateOnly(2024, 3, 1));
    private static readonly Employee Oleg = new("oleg", "Олег Петров", "head", new DateOnly(2023, 1, 1));

    [Fact]
    public void OrdinaryMonth_PointsPlanBandBonusAndPay()
    {
        var entries = Entries("anna", "5.5", 100)            // 100 × 1 point, class 1, database
            .Concat(Entries("anna", "2.4", 20))              // 20 × 4 points, class 3, clients
            .Concat(Entries("anna", "2.9", 10, source: LedgerSource.Manual))  // 10 × 8 points, class 4, clients
            .Concat(Entries("anna", "1.3", 10, source: LedgerSource.Manual)); // 10 × 0.5 point, class 1, post

        var grade = Assert.Single(Compute([Anna], entries).Employees);

        Assert.Equal(22, grade.WorkingDays);
        Assert.Equal(264m, grade.Plan);                       // 12 × 22
        Assert.Equal(265m, grade.Points);                     // 100 + 80 + 80 + 5
        Assert.Equal(105m, grade.PointsByClass[1]);
        Assert.Equal(0m, grade.PointsByClass[2]);
        Assert.Equal(80m, grade.PointsByClass[3]);
        Assert.Equal(80m, grade.PointsByClass[4]);
        Assert.Equal(160m, grade.PointsByCategory["clients"]);
        Assert.Equal(100m, grade.PointsByCategory["database"]);
        Assert.Equal(5m, grade.PointsByCategory["post"]);
        Assert.Equal(1.0038m, grade.Fulfilment);              // 265 / 264 = 1.003787… rounded to 4 places
        Assert.Equal("B", grade.Band);
        Assert.Equal(35000m, grade.BasePay);
        Assert.Equal(25095m, grade.Bonus);                    // 25 000 × 1.0038 × 1.0
        Assert.Equal(60095m, grade.Pay);
        Assert.Equal(140, grade.TaskCount);
    }

    [Fact]
    public void MonthWithNoTasks_PaysTheGuaranteedMinimum()
    {
        var grade = Assert.Single(Compute([Anna], []).Employees);

        Assert.Equal(0m, grade.Points);
        Assert.Equal(0m, grade.Fulfilment);
        Assert.Equal("D", grade.Band);
        Assert.Equal(0m, grade.Bonus);
        Assert.Equal(40000m, grade.Pay);                      // base 35 000 is below the minimum 40 000
    }

    [Fact]
    public void JoinedMidMonth_PlanAndMoneyAreProratedByWorkingDays()
    {
        var newcomer = new Employee("ivan", "Иван Кузнецов", "manager", new DateOnly(2026, 10, 19));
        var entries = Entries("ivan", "5.5", 60, new DateOnly(2026, 10, 20)).Concat(Entries("ivan", "2.3", 15, new DateOnly(2026, 10, 21)));

        var grade = Assert.Single(Compute([newcomer], entries).Employees);

        Assert.Equal(10, grade.WorkingDays);                  // 19–23 and 26–30 October
        Assert.Equal(120m, grade.Plan);
        Assert.Equal(90m, grade.Points);                      // 60 × 1 + 15 × 2
        Assert.Equal(0.75m, grade.Fulfilment);
        Assert.Equal("C", grade.Band);
        Assert.Equal(15909.09m, grade.BasePay);               // 35 000 × 10 / 22
        Assert.Equal(11363.64m, grade.TargetBonus);           // 25 000 × 10 / 22
        Assert.Equal(5965.91m, grade.Bonus);                  // 11 363.64 × 0.75 × 0.7 = 5 965.911
        Assert.Equal(18181.82m, grade.GuaranteedMinimum);     // 40 000 × 10 / 22
        Assert.Equal(21875.00m, grade.Pay);
    }

    [Fact]
    public void TaskCodeRemovedFromPolicy_CountsZeroAndIsReported()
    {
        // 3.2 (supplier orders) was in the first list and dropped from the edited one.
        var entries = Entries("anna", "5.5", 10).Concat(Entries("anna", "3.2", 5, source: LedgerSource.Manual));

        var grades = Compute([Anna], entries);
        var grade = Assert.Single(grades.Employees);

        Assert.Equal(10m, grade.Points);
        Assert.Equal(15, grade.TaskCount);
        Assert.Equal(5, grade.UnknownTaskCount);
        Assert.Contains(grades.Warnings, w => w.Contains("'3.2'", StringComparison.Ordinal) && w.StartsWith("5 entries", StringComparison.Ordinal));
    }

    [Fact]
    public void Cap_LimitsTheBonusBeforeDeductions()
    {
        var entries = Entries("anna", "2.4", 100); // 400 points: 400 / 264 = 1.5152, band A
        var inputs = new MonthInputs { Deductions = [new DeductionOccurrence("anna", "Q3")] };

        var grade = Assert.Single(Compute([Anna], entries, inputs).Employees);

        Assert.Equal(1.5152m, grade.Fulfilment);
        Assert.Equal("A", grade.Band);
        Assert.Equal(2000m, grade.Deductions);
        Assert.Equal(35500m, grade.Bonus);                    // min(45 456, 37 500) − 2 000
        Assert.Equal(70500m, grade.Pay);
    }

    [Fact]
    public void Floor_KeepsTheBonusWhenDeductionsExceedIt()
    {
        var policy = PolicyWith("\"bonusFloor\": 0, \"bonusCap\": 37500", "\"bonusFloor\": 3000, \"bonusCap\": 37500");
        var entries = Entries("anna", "5.5", 200); // 200 / 264 = 0.7576, band C
        var inputs = new MonthInputs { Deductions = [new DeductionOccurrence("anna", "Q1", 10)] };

        var grade = Assert.Single(Compute([Anna], entries, inputs, policy).Employees);

        Assert.Equal(13258m, Math.Round(25000m * 0.7576m * 0.7m, 2));
        Assert.Equal(10000m, grade.Deductions);
        Assert.Equal(3258m, grade.Bonus);                     // 13 258 − 10 000, above the floor
        var heavier = Assert.Single(Compute([Anna], entries, new MonthInputs { Deductions = [new DeductionOccurrence("anna", "Q1", 20)] }, policy).Employees);
        Assert.Equal(3000m, heavier.Bonus);                   // 13 258 − 20 000 < 3 000: the floor
        Assert.Equal(40000m, heavier.Pay);                    // 35 000 + 3 000 is below the minimum
    }

    [Fact]
    public void Head_ProfitIsShareOfVolumeLessStaffAndContractors()
    {
        var entries = Entries("anna", "5.5", 100).Concat(Entries("anna", "2.4", 20)).Concat(Entries("anna", "2.9", 10)).Concat(Entries("anna", "1.3", 10));
        var inputs = new MonthInputs { SubscriptionVolume = 300000m, OneOffVolume = 120000m, Contractors = 20000m };

        var grades = Compute([Anna, Oleg], entries, inputs);

        Assert.Equal(60095m, grades.Head.StaffSalaries);      // Anna's computed pay (ordinary month)
        Assert.Equal(129905m, grades.Head.Profit);            // 0.5 × 420 000 − 60 095 − 20 000
        Assert.Equal(129905m, grades.Employees.Single(g => g.IsHead).Pay);
    }

    [Fact]
    public void Head_NeverPaidBelowTheGuaranteedMinimum()
    {
        var inputs = new MonthInputs { SubscriptionVolume = 100000m, StaffSalaries = 80000m, Contractors = 5000m };

        var grades = Compute([Anna, Oleg], [], inputs);

        Assert.Equal(-35000m, grades.Head.Profit);            // 50 000 − 80 000 − 5 000
        Assert.Equal(60000m, grades.Employees.Single(g => g.IsHead).Pay);
    }

    [Fact]
    public void EntriesAreCountedInTheMonthOfMoscowTime()
    {
        var lateOctoberUtc = new LedgerEntry("x", "anna", new DateTimeOffset(2026, 10, 31, 22, 30, 0, TimeSpan.Zero), "5.5", LedgerSource.Manual);
        var earlyOctoberMoscow = new LedgerEntry("y", "anna", new DateTimeOffset(2026, 9, 30, 21, 30, 0, TimeSpan.Zero), "5.5", LedgerSource.Manual);

        var grade = Assert.Single(Compute([Anna], [lateOctoberUtc, earlyOctoberMoscow]).Employees);

        Assert.Equal(1, grade.TaskCount);                     // 01:30 on 1 Nov in Moscow is November; 00:30 on 1 Oct is October
    }

    [Fact]
    public void Compute_IsDeterministic()
    {
        var entries = Entries("anna", "5.5", 30).Concat(Entries("anna", "2.7", 7)).ToList();
        var inputs = new MonthInputs { SubscriptionVolume = 200000m };

        var first = Compute([Anna, Oleg], entries, inputs);
        var second = Compute([Anna, Oleg], entries.AsEnumerable().Reverse(), inputs);

        Assert.Equal(first.Employees.Select(e => (e.Points, e.Pay)), second.Employees.Select(e => (e.Points, e.Pay)));
        Assert.Equal(first.Head, second.Head);
    }
}
