using NCrontab;

namespace OfficeFlow.Functions.Hosting.Schedules;

/// <summary>
/// A timer's 6-field NCRONTAB schedule (second minute hour day month day-of-week), parsed by
/// NCrontab, the library the Functions timer trigger itself uses, so a schedule means here what it
/// means under the host. NCrontab works on a zone-less wall clock; this wrapper exists only for what
/// it leaves to the host: reading the schedule in the app's time zone with the host's daylight-saving
/// rules (<see cref="GetNextOccurrence"/>), the host's interval rule (<see cref="IsInterval"/>), and
/// refusing, at start-up, expressions that NCrontab parses but that can never run (30 February).
/// </summary>
public sealed class TimerSchedule
{
    private static readonly CrontabSchedule.ParseOptions WithSeconds = new() { IncludingSeconds = true };

    // Past the longest gap between two runs of any schedule: 29 February on a given weekday can be
    // 40 years apart (2096 → 2136 skips the non-leap 2100); the Gregorian calendar repeats every 400.
    private static readonly DateTime NeverRunsFrom = new(2000, 1, 1);
    private static readonly DateTime NeverRunsUntil = new(2400, 1, 1);

    private readonly CrontabSchedule _schedule;

    private TimerSchedule(string expression, CrontabSchedule schedule)
    {
        Expression = expression;
        _schedule = schedule;

        // The host's rule (WebJobs' CronSchedule): an interval when NCrontab prints the second, minute
        // or hour field with '*' or a range, i.e. it allows two consecutive values.
        IsInterval = schedule.ToString().Split(' ').Take(3).Any(f => f.Contains('*') || f.Contains('-'));
    }

    /// <summary>The expression as written, with runs of whitespace made single spaces (what the catalog shows).</summary>
    public string Expression { get; }

    /// <summary>
    /// True for a repeating interval within a day (e.g. "0 */30 * * * *"), false for a point in time
    /// such as "0 30 2 * * *". It decides what happens in the repeated hour when daylight saving time
    /// ends: intervals run through both passes, points in time run once.
    /// </summary>
    public bool IsInterval { get; }

    public override string ToString() => Expression;

    public static bool TryParse(string? expression, out TimerSchedule? schedule, out string? error)
    {
        try
        {
            schedule = Parse(expression);
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            schedule = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>Parses a 6-field expression; a <see cref="FormatException"/> names what is wrong.</summary>
    public static TimerSchedule Parse(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            throw new FormatException("The schedule is empty; write six fields: second minute hour day month day-of-week, e.g. '0 */5 * * * *'.");
        }

        var parts = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6)
        {
            // NCrontab's own message for this ("... must have 6 components") does not say which field is missing.
            var hint = parts.Length == 5 ? " A 5-field cron has no seconds: put '0 ' in front of it." : "";
            throw new FormatException(
                $"The schedule '{expression}' has {parts.Length} fields; NCRONTAB needs six: second minute hour day month day-of-week, e.g. '0 */5 * * * *'.{hint}");
        }

        var normalised = string.Join(' ', parts);
        CrontabSchedule parsed;
        try
        {
            parsed = CrontabSchedule.Parse(normalised, WithSeconds);
        }
        catch (CrontabException e)
        {
            throw new FormatException($"The schedule '{expression}' is not valid: {e.Message}", e);
        }

        if (parsed.GetNextOccurrence(NeverRunsFrom, NeverRunsUntil) >= NeverRunsUntil)
        {
            throw new FormatException($"The schedule '{expression}' can never run: no date has its day, month and day of week (e.g. 30 February).");
        }

        return new TimerSchedule(normalised, parsed);
    }

    /// <summary>
    /// The first occurrence strictly after <paramref name="after"/> (whole seconds), with the
    /// expression read on <paramref name="zone"/>'s wall clock; null only past year 9999. Daylight
    /// saving time as the Functions host handles it: a time that does not exist (spring forward) runs
    /// shifted by the gap (02:30 → 03:30); a time that happens twice (fall back) runs twice for
    /// interval schedules and once, on the first pass, for point-in-time schedules.
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
        while (NextWallClockTime(cursor) is { } local)
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

    /// <summary>NCrontab's next wall-clock time strictly after <paramref name="after"/>; null when there is none before the end of time.</summary>
    private DateTime? NextWallClockTime(DateTime after)
    {
        var end = DateTime.MaxValue;
        var next = _schedule.GetNextOccurrence(DateTime.SpecifyKind(after, DateTimeKind.Unspecified), end);
        return next < end ? next : null;
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
}
