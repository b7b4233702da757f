namespace OfficeFlow.Functions.Hosting.Schedules;

/// <summary>
/// A 6-field NCRONTAB schedule (second minute hour day month day-of-week), the format of the
/// Functions host's timer trigger. Like NCrontab, which the host uses, a day-of-month and a
/// day-of-week restriction must BOTH match (AND, unlike Vixie cron's OR): "0 0 0 13 * Fri" runs
/// only on Friday the 13th. Occurrences are computed on a time zone's wall clock by
/// <see cref="GetNextOccurrence(DateTimeOffset, TimeZoneInfo)"/>, with the host's DST rules.
/// </summary>
public sealed class CrontabSchedule
{
    private const int SearchYears = 30; // longer than any gap between valid dates (Feb 29 on a given weekday: 28 years)

    private CrontabSchedule(string expression, CrontabField[] fields)
    {
        Expression = expression;
        Seconds = fields[0];
        Minutes = fields[1];
        Hours = fields[2];
        Days = fields[3];
        Months = fields[4];
        DaysOfWeek = fields[5];
    }

    public string Expression { get; }
    public CrontabField Seconds { get; }
    public CrontabField Minutes { get; }
    public CrontabField Hours { get; }
    public CrontabField Days { get; }
    public CrontabField Months { get; }
    public CrontabField DaysOfWeek { get; }

    /// <summary>
    /// True for a repeating interval within a day (the host's rule: the second, minute or hour field
    /// allows two consecutive values), false for a point in time such as "0 30 2 * * *". It decides
    /// what happens in the repeated hour when daylight saving time ends: intervals run through both
    /// passes, points in time run once.
    /// </summary>
    public bool IsInterval => Seconds.HasConsecutiveValues || Minutes.HasConsecutiveValues || Hours.HasConsecutiveValues;

    public override string ToString() => Expression;

    public static bool TryParse(string? expression, out CrontabSchedule? schedule, out string? error)
    {
        try
        {
            schedule = Parse(expression);
            error = null;
            return true;
        }
        catch (CrontabFormatException e)
        {
            schedule = null;
            error = e.Message;
            return false;
        }
    }

    public static CrontabSchedule Parse(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            throw new CrontabFormatException("The schedule is empty; write six fields: second minute hour day month day-of-week, e.g. '0 */5 * * * *'.");
        }

        var parts = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6)
        {
            var hint = parts.Length == 5 ? " A 5-field cron has no seconds: put '0 ' in front of it." : "";
            throw new CrontabFormatException(
                $"The schedule '{expression}' has {parts.Length} fields; NCRONTAB needs six: second minute hour day month day-of-week, e.g. '0 */5 * * * *'.{hint}");
        }

        var fields = new CrontabField[6];
        for (var i = 0; i < 6; i++)
        {
            try
            {
                fields[i] = CrontabField.Parse(CrontabField.Order[i], parts[i]);
            }
            catch (CrontabFormatException e)
            {
                throw new CrontabFormatException($"The schedule '{expression}' is not valid: {e.Message}");
            }
        }

        var schedule = new CrontabSchedule(string.Join(' ', parts), fields);
        if (!schedule.Months.Values.Any(m => schedule.Days.Values.Any(d => d <= DateTime.DaysInMonth(2000, m))))
        {
            throw new CrontabFormatException(
                $"The schedule '{expression}' can never run: none of its months has any of its days (e.g. 30 February).");
        }

        return schedule;
    }

    /// <summary>
    /// The first wall-clock time strictly after <paramref name="after"/> (whole seconds) that matches,
    /// ignoring time zones; null only past year 9999.
    /// </summary>
    public DateTime? GetNextWallClockTime(DateTime after)
    {
        var start = new DateTime(after.Ticks - (after.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Unspecified).AddSeconds(1);
        var lastYear = Math.Min(9999, start.Year + SearchYears);
        for (var year = start.Year; year <= lastYear; year++)
        {
            foreach (var month in Months.Values)
            {
                if (year == start.Year && month < start.Month)
                {
                    continue;
                }

                var daysInMonth = DateTime.DaysInMonth(year, month);
                foreach (var day in Days.Values)
                {
                    if (day > daysInMonth)
                    {
                        break;
                    }

                    var date = new DateTime(year, month, day);
                    if (date < start.Date || !DaysOfWeek.Contains((int)date.DayOfWeek))
                    {
                        continue;
                    }

                    var time = date == start.Date ? FirstTimeOfDay(start.TimeOfDay) : FirstTimeOfDay(TimeSpan.Zero);
                    if (time is { } t)
                    {
                        return date + t;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The first occurrence strictly after <paramref name="after"/>, with the expression read on
    /// <paramref name="zone"/>'s wall clock. Daylight saving time as the Functions host handles it:
    /// a time that does not exist (spring forward) runs shifted by the gap (02:30 → 03:30); a time
    /// that happens twice (fall back) runs twice for interval schedules and once, on the first pass,
    /// for point-in-time schedules.
    /// </summary>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset after, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);

        // Near a clock change, wall-clock order and instant order can differ by the size of the change,
        // so candidates are scanned from a little before 'after' on the wall clock to a little past the
        // first hit. Where the offset is steady (most of the time, and always in Moscow) no margin is needed.
        var cursor = TimeZoneInfo.ConvertTime(after, zone).DateTime - Margin(after, zone);
        DateTimeOffset? best = null;
        DateTime? stopAfter = null;
        while (GetNextWallClockTime(cursor) is { } local)
        {
            if (local > stopAfter)
            {
                break;
            }

            foreach (var instant in Instants(local, zone))
            {
                if (instant > after && (best is null || instant < best))
                {
                    best = instant;
                    stopAfter ??= local + Margin(instant, zone);
                }
            }

            if (best is not null && stopAfter == local)
            {
                break;
            }

            cursor = local;
        }

        return best is { } b ? TimeZoneInfo.ConvertTime(b, zone) : null;
    }

    /// <summary>3 hours (more than any clock change) when the zone's offset changes within a day of
    /// <paramref name="instant"/>, else nothing.</summary>
    private static TimeSpan Margin(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var offset = zone.GetUtcOffset(instant);
        var steady = zone.GetUtcOffset(instant.AddDays(-1)) == offset && zone.GetUtcOffset(instant.AddDays(1)) == offset;
        return steady ? TimeSpan.Zero : TimeSpan.FromHours(3);
    }

    private IEnumerable<DateTimeOffset> Instants(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            // Skipped by the clock: read it with the offset in force before the jump.
            var offsetBefore = zone.GetUtcOffset(local - TimeSpan.FromHours(3));
            yield return new DateTimeOffset(local, offsetBefore);
            yield break;
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local).OrderByDescending(o => o).ToArray();
            yield return new DateTimeOffset(local, offsets[0]);
            if (IsInterval)
            {
                foreach (var offset in offsets.Skip(1))
                {
                    yield return new DateTimeOffset(local, offset);
                }
            }

            yield break;
        }

        yield return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private TimeSpan? FirstTimeOfDay(TimeSpan from)
    {
        foreach (var hour in Hours.Values)
        {
            if (hour < from.Hours)
            {
                continue;
            }

            foreach (var minute in Minutes.Values)
            {
                if (hour == from.Hours && minute < from.Minutes)
                {
                    continue;
                }

                foreach (var second in Seconds.Values)
                {
                    if (hour == from.Hours && minute == from.Minutes && second < from.Seconds)
                    {
                        continue;
                    }

                    return new TimeSpan(hour, minute, second);
                }
            }
        }

        return null;
    }
}
