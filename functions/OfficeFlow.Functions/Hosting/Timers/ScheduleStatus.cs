namespace OfficeFlow.Functions.Hosting.Timers;

/// <summary>
/// The Functions host's record of a timer's schedule (its ScheduleStatus): when it last ran (the
/// occurrence, not the clock after the run; null before the first run), when it should run next,
/// and when this record was written.
/// </summary>
public sealed record ScheduleStatus(DateTimeOffset? Last, DateTimeOffset Next, DateTimeOffset LastUpdated);
