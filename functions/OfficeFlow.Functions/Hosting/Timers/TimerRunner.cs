using System.Diagnostics;

namespace OfficeFlow.Functions.Hosting.Timers;

/// <summary>How one timer run ended and what it logged.</summary>
public sealed record TimerRunResult(bool Succeeded, IReadOnlyList<string> Logs);

/// <summary>
/// Runs a timer function once, the same way whoever triggers it: the isolated worker's [TimerTrigger] function,
/// the standalone scheduler, or POST /admin/functions/{Name}. A failure is logged (with its
/// exception, in the app's log only) and reported as a failed result, never thrown.
/// </summary>
public sealed partial class TimerRunner(ILoggerFactory loggerFactory, TimeProvider time)
{
    public async Task<TimerRunResult> RunAsync(ITimerFunction function, bool isPastDue, ScheduleStatus? status, string trigger, CancellationToken cancellationToken)
    {
        var log = new InvocationLog(loggerFactory.CreateLogger("OfficeFlow.Timers." + function.Name));
        using var scope = log.BeginScope(new Dictionary<string, object> { ["FunctionName"] = function.Name, ["Trigger"] = trigger });
        if (isPastDue)
        {
            LogPastDue(log, function.Name, status?.Next);
        }

        var started = time.GetTimestamp();
        LogStarting(log, function.Name, trigger);
        try
        {
            await function.RunAsync(new TimerInvocation(function.Name, isPastDue, status?.Last, status?.Next, log), cancellationToken).ConfigureAwait(false);
            LogSucceeded(log, function.Name, time.GetElapsedTime(started).TotalMilliseconds);
            return new TimerRunResult(true, log.Lines);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            LogFailed(log, e, function.Name, e.GetType().Name, Activity.Current?.TraceId.ToString() ?? "-");
            return new TimerRunResult(false, log.Lines);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {FunctionName} is past due: the occurrence due at {ScheduledFor:o} was missed, so it runs now.")]
    private static partial void LogPastDue(ILogger logger, string functionName, DateTimeOffset? scheduledFor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {FunctionName} started ({Trigger}).")]
    private static partial void LogStarting(ILogger logger, string functionName, string trigger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {FunctionName} succeeded in {ElapsedMs:F0} ms.")]
    private static partial void LogSucceeded(ILogger logger, string functionName, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {FunctionName} failed with {ExceptionType}; the app log has the details (trace {TraceId}).")]
    private static partial void LogFailed(ILogger logger, Exception exception, string functionName, string exceptionType, string traceId);
}
