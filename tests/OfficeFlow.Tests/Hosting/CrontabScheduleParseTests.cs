using OfficeFlow.Functions.Hosting.Schedules;

namespace OfficeFlow.Tests.Hosting;

public class CrontabScheduleParseTests
{
    [Fact]
    public void Parse_Stars_AllowEveryValueOfEveryField()
    {
        var s = CrontabSchedule.Parse("* * * * * *");

        Assert.Equal(60, s.Seconds.Values.Count);
        Assert.Equal(60, s.Minutes.Values.Count);
        Assert.Equal(24, s.Hours.Values.Count);
        Assert.Equal(Enumerable.Range(1, 31), s.Days.Values);
        Assert.Equal(Enumerable.Range(1, 12), s.Months.Values);
        Assert.Equal(Enumerable.Range(0, 7), s.DaysOfWeek.Values);
    }

    [Theory]
    [InlineData("0 */15 * * * *", CrontabFieldKind.Minute, new[] { 0, 15, 30, 45 })]
    [InlineData("0 5-10 * * * *", CrontabFieldKind.Minute, new[] { 5, 6, 7, 8, 9, 10 })]
    [InlineData("0 10-30/10 * * * *", CrontabFieldKind.Minute, new[] { 10, 20, 30 })]
    [InlineData("0 50/3 * * * *", CrontabFieldKind.Minute, new[] { 50, 53, 56, 59 })]
    [InlineData("0 1,7,3 * * * *", CrontabFieldKind.Minute, new[] { 1, 3, 7 })]
    [InlineData("0 1-3,20-40/10,59 * * * *", CrontabFieldKind.Minute, new[] { 1, 2, 3, 20, 30, 40, 59 })]
    [InlineData("30 0 9 * * *", CrontabFieldKind.Second, new[] { 30 })]
    [InlineData("0 0 */6 * * *", CrontabFieldKind.Hour, new[] { 0, 6, 12, 18 })]
    [InlineData("0 0 0 1,15,31 * *", CrontabFieldKind.Day, new[] { 1, 15, 31 })]
    [InlineData("0 0 0 * Jan,mar,DEC *", CrontabFieldKind.Month, new[] { 1, 3, 12 })]
    [InlineData("0 0 0 * February-April *", CrontabFieldKind.Month, new[] { 2, 3, 4 })]
    [InlineData("0 0 0 * */4 *", CrontabFieldKind.Month, new[] { 1, 5, 9 })]
    [InlineData("0 0 0 * * Mon-Fri", CrontabFieldKind.DayOfWeek, new[] { 1, 2, 3, 4, 5 })]
    [InlineData("0 0 0 * * sun,SAT", CrontabFieldKind.DayOfWeek, new[] { 0, 6 })]
    [InlineData("0 0 0 * * 0-6/2", CrontabFieldKind.DayOfWeek, new[] { 0, 2, 4, 6 })]
    [InlineData("0 0 0 * * Wednesday", CrontabFieldKind.DayOfWeek, new[] { 3 })]
    public void Parse_EverySyntaxForm_GivesTheValuesNCrontabGives(string expression, CrontabFieldKind kind, int[] expected)
    {
        var s = CrontabSchedule.Parse(expression);
        var field = kind switch
        {
            CrontabFieldKind.Second => s.Seconds,
            CrontabFieldKind.Minute => s.Minutes,
            CrontabFieldKind.Hour => s.Hours,
            CrontabFieldKind.Day => s.Days,
            CrontabFieldKind.Month => s.Months,
            _ => s.DaysOfWeek,
        };

        Assert.Equal(expected, field.Values);
    }

    [Fact]
    public void Parse_ExtraWhitespace_IsIgnoredAndNormalised()
    {
        Assert.Equal("0 */5 * * * *", CrontabSchedule.Parse("  0   */5 *\t* * *  ").Expression);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("*/5 * * * *", "has 5 fields")]
    [InlineData("*/5 * * * *", "put '0 ' in front")]
    [InlineData("0 0 * * * * *", "has 7 fields")]
    [InlineData("60 * * * * *", "The second field '60' has 60, outside 0-59")]
    [InlineData("0 60 * * * *", "The minute field '60' has 60, outside 0-59")]
    [InlineData("0 0 24 * * *", "The hour field '24' has 24, outside 0-23")]
    [InlineData("0 0 0 0 * *", "The day of month field '0' has 0, outside 1-31")]
    [InlineData("0 0 0 32 * *", "outside 1-31")]
    [InlineData("0 0 0 * 13 *", "The month field '13' has 13, outside 1-12")]
    [InlineData("0 0 0 * * 7", "does not accept 7 for Sunday: write 0 or Sun")]
    [InlineData("0 */0 * * * *", "step '/0'")]
    [InlineData("0 */x * * * *", "step '/x'")]
    [InlineData("0 /5 * * * *", "step without a range")]
    [InlineData("0 10-5 * * * *", "end comes before its start")]
    [InlineData("0 1,,2 * * * *", "empty item")]
    [InlineData("0 5- * * * *", "empty value")]
    [InlineData("0 abc * * * *", "takes numbers 0-59 only")]
    [InlineData("0 0 0 * Foo *", "not a month name")]
    [InlineData("0 0 0 * Ju *", "not a month name")]
    [InlineData("0 0 0 * * Funday", "not a day of week name; use Sun, Mon, Tue, Wed, Thu, Fri, Sat")]
    [InlineData("0 0 0 ? * *", "takes numbers 1-31 only")]
    [InlineData("0 0 0 L * *", "takes numbers 1-31 only")]
    [InlineData("0 0 0 30 2 *", "can never run")]
    [InlineData("0 0 0 31 4,6,9,11 *", "can never run")]
    public void Parse_InvalidExpression_SaysWhatIsWrong(string expression, string expectedMessagePart)
    {
        var error = Assert.Throws<CrontabFormatException>(() => CrontabSchedule.Parse(expression));

        Assert.Contains(expectedMessagePart, error.Message);
        Assert.False(CrontabSchedule.TryParse(expression, out _, out var message));
        Assert.Equal(error.Message, message);
    }

    [Fact]
    public void Parse_InvalidField_NamesTheWholeExpression()
    {
        var error = Assert.Throws<CrontabFormatException>(() => CrontabSchedule.Parse("0 0 25 * * *"));

        Assert.StartsWith("The schedule '0 0 25 * * *' is not valid: The hour field '25'", error.Message);
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
        Assert.Equal(expected, CrontabSchedule.Parse(expression).IsInterval);
    }
}
