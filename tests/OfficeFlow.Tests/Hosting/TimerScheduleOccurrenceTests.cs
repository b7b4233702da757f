using OfficeFlow.Functions.Hosting.Schedules;

namespace OfficeFlow.Tests.Hosting;

public class TimerScheduleOccurrenceTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static List<DateTimeOffset> Occurrences(string expression, DateTimeOffset after, TimeZoneInfo zone, int count)
    {
        var schedule = TimerSchedule.Parse(expression);
        var list = new List<DateTimeOffset>();
        for (var t = after; list.Count < count;)
        {
            t = schedule.GetNextOccurrence(t, zone) ?? throw new InvalidOperationException("no next occurrence");
            list.Add(t);
        }

        return list;
    }

    [Fact]
    public void Next_IsStrictlyAfterTheGivenTime()
    {
        var next = TimerSchedule.Parse("0 */5 * * * *").GetNextOccurrence(At("2026-03-02T10:05:00Z"), Utc);

        Assert.Equal(At("2026-03-02T10:10:00Z"), next);
    }

    [Fact]
    public void Next_IgnoresFractionsOfASecond()
    {
        var next = TimerSchedule.Parse("* * * * * *").GetNextOccurrence(At("2026-03-02T10:05:00.900Z"), Utc);

        Assert.Equal(At("2026-03-02T10:05:01Z"), next);
    }

    [Fact]
    public void Next_EverySecondMinuteHour_RollsOverAtEachBoundary()
    {
        Assert.Equal(
            [At("2026-12-31T23:59:58Z"), At("2026-12-31T23:59:59Z"), At("2027-01-01T00:00:00Z")],
            Occurrences("* * * * * *", At("2026-12-31T23:59:57Z"), Utc, 3));
    }

    [Fact]
    public void Next_AcrossMonthEnd_GoesToTheFirstOfNextMonth()
    {
        Assert.Equal(
            [At("2026-04-30T09:00:00Z"), At("2026-05-01T09:00:00Z")],
            Occurrences("0 0 9 * * *", At("2026-04-29T09:00:00Z"), Utc, 2));
    }

    [Fact]
    public void Next_31stOfTheMonth_SkipsMonthsWithoutOne()
    {
        Assert.Equal(
            [At("2026-01-31T00:00:00Z"), At("2026-03-31T00:00:00Z"), At("2026-05-31T00:00:00Z"), At("2026-07-31T00:00:00Z"), At("2026-08-31T00:00:00Z")],
            Occurrences("0 0 0 31 * *", At("2026-01-15T00:00:00Z"), Utc, 5));
    }

    [Fact]
    public void Next_Feb29_RunsOnLeapYearsOnly_SkippingCenturiesThatAreNotLeap()
    {
        Assert.Equal(
            [At("2028-02-29T12:00:00Z"), At("2032-02-29T12:00:00Z")],
            Occurrences("0 0 12 29 2 *", At("2026-03-01T00:00:00Z"), Utc, 2));
        Assert.Equal(
            At("2104-02-29T12:00:00Z"),
            TimerSchedule.Parse("0 0 12 29 Feb *").GetNextOccurrence(At("2096-03-01T00:00:00Z"), Utc));
    }

    [Fact]
    public void Next_DayOfMonthAndDayOfWeek_MustBothMatch_AsInNCrontab()
    {
        // Friday the 13th: in 2026 it falls in February, March and November.
        Assert.Equal(
            [At("2026-02-13T00:00:00Z"), At("2026-03-13T00:00:00Z"), At("2026-11-13T00:00:00Z")],
            Occurrences("0 0 0 13 * Fri", At("2026-01-01T00:00:00Z"), Utc, 3));
    }

    [Fact]
    public void Next_WeekdaysOnly_SkipsTheWeekend()
    {
        // 2026-11-20 is a Friday.
        Assert.Equal(
            [At("2026-11-20T09:30:00Z"), At("2026-11-23T09:30:00Z")],
            Occurrences("0 30 9 * * Mon-Fri", At("2026-11-20T08:00:00Z"), Utc, 2));
    }

    [Fact]
    public void Next_IsReadOnTheTimeZonesWallClock()
    {
        // 09:00 in Moscow (UTC+3, no DST) is 06:00 UTC.
        var next = TimerSchedule.Parse("0 0 9 * * *").GetNextOccurrence(At("2026-11-22T07:00:00Z"), Moscow);

        Assert.Equal(At("2026-11-23T06:00:00Z"), next);
        Assert.Equal(TimeSpan.FromHours(3), next!.Value.Offset);
    }

    [Fact]
    public void Next_InAZoneWithoutDst_StaysAtTheSameUtcTimeAllYear()
    {
        var march = TimerSchedule.Parse("0 0 9 * * *").GetNextOccurrence(At("2026-03-28T12:00:00Z"), Moscow);
        var october = TimerSchedule.Parse("0 0 9 * * *").GetNextOccurrence(At("2026-10-24T12:00:00Z"), Moscow);

        Assert.Equal(At("2026-03-29T06:00:00Z"), march);
        Assert.Equal(At("2026-10-25T06:00:00Z"), october);
    }

    [Fact]
    public void Next_DailyAtTheSameWallClockTime_KeepsItAcrossDst()
    {
        // Berlin switched to summer time on 2026-03-29: 09:00 is 08:00Z before and 07:00Z after.
        Assert.Equal(
            [At("2026-03-28T08:00:00Z"), At("2026-03-29T07:00:00Z")],
            Occurrences("0 0 9 * * *", At("2026-03-27T12:00:00Z"), Berlin, 2));
    }

    [Fact]
    public void Next_SpringForward_ATimeThatDoesNotExist_RunsShiftedByTheGap()
    {
        // 2026-03-29 02:30 does not exist in Berlin (02:00 CET → 03:00 CEST); it runs at 03:30 CEST (01:30Z), as the host does.
        var next = TimerSchedule.Parse("0 30 2 * * *").GetNextOccurrence(At("2026-03-28T12:00:00Z"), Berlin);

        Assert.Equal(At("2026-03-29T01:30:00Z"), next);
        Assert.Equal(new DateTime(2026, 3, 29, 3, 30, 0), next!.Value.DateTime);
    }

    [Fact]
    public void Next_SpringForward_AnInterval_ContinuesWithoutDuplicates()
    {
        Assert.Equal(
            [At("2026-03-29T00:30:00Z"), At("2026-03-29T01:00:00Z"), At("2026-03-29T01:30:00Z")],
            Occurrences("0 */30 * * * *", At("2026-03-29T00:00:00Z"), Berlin, 3));
    }

    [Fact]
    public void Next_FallBack_APointInTime_RunsOnceOnTheFirstPass()
    {
        // 2026-10-25: Berlin's 02:00-02:59 happens twice (first CEST = 00:xxZ, then CET = 01:xxZ).
        Assert.Equal(
            [At("2026-10-24T00:30:00Z"), At("2026-10-25T00:30:00Z"), At("2026-10-26T01:30:00Z")],
            Occurrences("0 30 2 * * *", At("2026-10-23T12:00:00Z"), Berlin, 3));
    }

    [Fact]
    public void Next_FallBack_APointInTime_StartedDuringTheSecondPass_WaitsForTomorrow()
    {
        var next = TimerSchedule.Parse("0 30 2 * * *").GetNextOccurrence(At("2026-10-25T01:10:00Z"), Berlin);

        Assert.Equal(At("2026-10-26T01:30:00Z"), next);
    }

    [Fact]
    public void Next_FallBack_AnInterval_RunsThroughBothPasses()
    {
        Assert.Equal(
            [At("2026-10-25T00:30:00Z"), At("2026-10-25T01:00:00Z"), At("2026-10-25T01:30:00Z"), At("2026-10-25T02:00:00Z")],
            Occurrences("0 */30 * * * *", At("2026-10-25T00:00:00Z"), Berlin, 4));
    }

    [Fact]
    public void Next_ReturnsTheOffsetOfTheZone()
    {
        var next = TimerSchedule.Parse("0 0 12 * * *").GetNextOccurrence(At("2026-07-01T00:00:00Z"), Berlin);

        Assert.Equal(TimeSpan.FromHours(2), next!.Value.Offset);
        Assert.Equal(At("2026-07-01T10:00:00Z"), next);
    }

    [Fact]
    public void Next_NearYear9999_IsNull()
    {
        Assert.Null(TimerSchedule.Parse("0 0 0 1 1 *").GetNextOccurrence(At("9999-06-01T00:00:00Z"), Utc));
    }

    [Fact]
    public void Next_MonthlyGrades_RunAt0600MoscowOnTheFirst()
    {
        // Grades:Schedule's default; 06:00 in Moscow is 03:00 UTC, all year.
        Assert.Equal(
            [At("2026-12-01T03:00:00Z"), At("2027-01-01T03:00:00Z"), At("2027-02-01T03:00:00Z")],
            Occurrences("0 0 6 1 * *", At("2026-11-22T12:00:00Z"), Moscow, 3));
    }

    [Fact]
    public void Next_InvoiceReminders_RunDailyAt0900Moscow()
    {
        // Invoices:ReminderSchedule's default, started just after a run.
        Assert.Equal(
            [At("2026-11-23T06:00:00Z"), At("2026-11-24T06:00:00Z")],
            Occurrences("0 0 9 * * *", At("2026-11-22T06:00:00Z"), Moscow, 2));
    }

    [Fact]
    public void Next_MailboxSync_RunsEveryQuarterHour()
    {
        Assert.Equal(
            [At("2026-11-22T06:15:00Z"), At("2026-11-22T06:30:00Z"), At("2026-11-22T06:45:00Z"), At("2026-11-22T07:00:00Z")],
            Occurrences("0 */15 * * * *", At("2026-11-22T06:14:59Z"), Moscow, 4));
    }
}
