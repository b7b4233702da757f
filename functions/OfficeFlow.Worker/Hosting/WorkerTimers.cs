using System.Runtime.CompilerServices;
using Microsoft.Azure.Functions.Worker;
using OfficeFlow.Functions.Hosting.Timers;
using AppScheduleStatus = OfficeFlow.Functions.Hosting.Timers.ScheduleStatus;

namespace OfficeFlow.Worker.Hosting;

/// <summary>
/// Runs, for a timer function of the worker, the <see cref="ITimerFunction"/> of the same name through the same
/// <see cref="TimerRunner"/> as the standalone host, with the host's <see cref="TimerInfo"/> (past due, schedule status).
/// A failed run throws, so that the Functions host records the invocation as failed.
/// </summary>
public sealed class WorkerTimers(IEnumerable<ITimerFunction> timers, TimerRunner runner)
{
    public async Task RunAsync(TimerInfo timer, FunctionContext context, [CallerMemberName] string function = "")
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(context);
        var target = timers.FirstOrDefault(t => t.Name == function)
            ?? throw new InvalidOperationException($"'{function}' is not a timer of OfficeFlow.Functions (AddTimerFunction).");
        var result = await runner.RunAsync(target, timer.IsPastDue, Status(timer.ScheduleStatus), "Functions host", context.CancellationToken);
        if (!result.Succeeded)
        {
            throw new TimerRunFailedException(function, result.Logs);
        }
    }

    private static AppScheduleStatus? Status(Microsoft.Azure.Functions.Worker.ScheduleStatus? status) =>
        status is null
            ? null
            : new AppScheduleStatus(
                status.Last == default ? null : new DateTimeOffset(status.Last),
                new DateTimeOffset(status.Next),
                new DateTimeOffset(status.LastUpdated));
}

/// <summary>A timer run failed; the exception itself is in the app's log, this carries the run's log lines.</summary>
public sealed class TimerRunFailedException(string function, IReadOnlyList<string> logs)
    : Exception($"The timer {function} failed: {logs.LastOrDefault()}")
{
    public IReadOnlyList<string> Logs { get; } = logs;
}
