using OfficeFlow.Functions.Hosting.Schedules;

namespace OfficeFlow.Tests.Hosting;

/// <summary>What the wrapper adds to NCrontab's parsing: the 6-field rule with a hint, expressions that
/// can never run, the host's interval rule and the expression function.json gets.</summary>
public class TimerScheduleParseTests
{
    [Fact]
    public void Parse_ExtraWhitespace_IsIgnoredAndNormalised()
    {
        Assert.Equal("0 */5 * * * *", TimerSchedule.Parse("  0   */5 *\t* * *  ").Expression);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("*/5 * * * *", "has 5 fields")]
    [InlineData("*/5 * * * *", "put '0 ' in front")]
    [InlineData("0 0 * * * * *", "has 7 fields")]
    [InlineData("60 * * * * *", "60 is higher than the maximum allowable value for the [Second] field")]
    [InlineData("0 0 24 * * *", "[Hour] field")]
    [InlineData("0 0 0 * * 7", "[DayOfWeek] field. Value must be between 0 and 6")]
    [InlineData("0 */x * * * *", "'*/x' is not a valid [Minute]")]
    [InlineData("0 0 0 * Foo *", "'Foo' is not a valid [Month]")]
    [InlineData("0 0 0 ? * *", "'?' is not a valid [Day]")]
    [InlineData("0 0 0 L * *", "'L' is not a valid [Day]")]
    [InlineData("0 0 0 30 2 *", "can never run")]
    [InlineData("0 0 0 31 4,6,9,11 *", "can never run")]
    public void Parse_InvalidExpression_SaysWhatIsWrong(string expression, string expectedMessagePart)
    {
        var error = Assert.Throws<FormatException>(() => TimerSchedule.Parse(expression));

        Assert.Contains(expectedMessagePart, error.Message);
        Assert.False(TimerSchedule.TryParse(expression, out _, out var message));
        Assert.Equal(error.Message, message);
    }

    [Theory]
    [InlineData("0 0 0 13 * Fri")]
    [InlineData("0 0 12 29 2 Mon")]
    [InlineData("0 0 0 * Jan,mar,DEC sun,SAT")]
    [InlineData("0 1-3,20-40/10,59 * * * *")]
    public void Parse_RareButPossibleSchedules_AreAccepted(string expression)
    {
        Assert.True(TimerSchedule.TryParse(expression, out _, out var error), error);
    }

    [Fact]
    public void Parse_InvalidField_NamesTheWholeExpression()
    {
        var error = Assert.Throws<FormatException>(() => TimerSchedule.Parse("0 0 25 * * *"));

        Assert.StartsWith("The schedule '0 0 25 * * *' is not valid: ", error.Message);
    }

    [Theory]
    [InlineData("0 */5 * * * *", true)]
    [InlineData("*/10 * * * * *", true)]
    [InlineData("0 0 * * * *", true)]
    [InlineData("0 0-10 2 * * *", true)]
    [InlineData("0 30 2 * * *", false)]
    [InlineData("0 0,30 2 * * *", false)]
    [InlineData("0 0 */2 * * *", false)]
    [InlineData("0 0 9 * * Mon-Fri", false)]
    public void IsInterval_FollowsTheHostsRule(string expression, bool expected)
    {
        Assert.Equal(expected, TimerSchedule.Parse(expression).IsInterval);
    }
}
