namespace OfficeFlow.Functions.Hosting.Timers;

/// <summary>What one run of a timer function is told, as the Functions host's TimerInfo tells it.
/// <see cref="Log"/> writes to the app's log and to the invocation's Logs returned to the host.</summary>
public sealed record TimerInvocation(
    string FunctionName,
    bool IsPastDue,
    DateTimeOffset? ScheduleLast,
    DateTimeOffset? ScheduleNext,
    ILogger Log);
