using OfficeFlow.Functions.Invoices.Reminders;

namespace OfficeFlow.Tests.Invoices;

public class ReminderScheduleTests
{
    private static readonly DateOnly Due = new(2026, 11, 20);

    [Theory]
    [InlineData(-4, null)]
    [InlineData(-3, -3)]
    [InlineData(0, -3)]
    [InlineData(1, 1)]
    [InlineData(6, 1)]
    [InlineData(7, 7)]
    [InlineData(14, 14)]
    [InlineData(200, 14)]
    public void StepDue_DefaultSchedule_GivesTheLatestStepWhoseDateHasCome(int dayRelativeToDue, int? expectedOffset)
    {
        var step = ReminderSchedule.Default.StepDue(Due, Due.AddDays(dayRelativeToDue));

        Assert.Equal(expectedOffset, step?.OffsetDays);
    }

    [Fact]
    public void Parse_SortsAndDeduplicates()
    {
        var schedule = ReminderSchedule.Parse("14; 1, -3 7 1");

        Assert.Equal("-3,1,7,14", schedule.ToString());
        Assert.Equal(["before3", "after1", "after7", "after14"], schedule.Steps.Select(s => s.Key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1,x")]
    [InlineData("1,400")]
    public void Parse_BadText_NamesTheSetting(string text)
    {
        var error = Assert.Throws<FormatException>(() => ReminderSchedule.Parse(text));

        Assert.Contains("Invoices:ReminderSteps", error.Message);
    }
}
