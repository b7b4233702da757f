namespace OfficeFlow.Functions.Grades.Computation;

/// <summary>
/// Converts instants to the firm's local time, remembering the zone's offset per quarter hour:
/// a month of a million entries asks TimeZoneInfo a few thousand times instead of a million.
/// (Offsets only change at transitions, which fall on quarter hours in every zone in use.)
/// </summary>
public sealed class ZoneClock(TimeZoneInfo zone)
{
    private const long Bucket = TimeSpan.TicksPerMinute * 15;
    private readonly Dictionary<long, long> _offsets = [];

    public DateTime ToLocal(DateTimeOffset at)
    {
        var utc = at.UtcTicks;
        var bucket = utc / Bucket;
        if (!_offsets.TryGetValue(bucket, out var offset))
        {
            offset = zone.GetUtcOffset(new DateTime(bucket * Bucket, DateTimeKind.Utc)).Ticks;
            _offsets[bucket] = offset;
        }

        return new DateTime(utc + offset, DateTimeKind.Unspecified);
    }

    public GradesMonth MonthOf(DateTimeOffset at)
    {
        var local = ToLocal(at);
        return new GradesMonth(local.Year, local.Month);
    }
}
