using OfficeFlow.Functions.Hosting.Catalog;

namespace OfficeFlow.Functions.Hosting.Timers;

/// <summary>
/// Standalone mode's stand-in for the Functions host's timer trigger: runs every timer of the
/// catalog on its schedule (read in <see cref="HostingSettings.TimeZone"/>), with ScheduleStatus
/// and IsPastDue filled as the host fills them (useMonitor on): the status handed to a run is the
/// one recorded before it (Last = previous occurrence, Next = this occurrence); after the run
/// Last becomes this occurrence and Next the following one. At start-up a recorded Next that has
/// already passed means the app was down at that time: the timer runs once, at once, with
/// IsPastDue = true. Never runs under the Functions host (its timers are singletons there).
/// </summary>
public sealed partial class TimerScheduler(
    FunctionCatalogAccessor catalog,
    TimerRunner runner,
    IScheduleStatusStore store,
    HostingSettings settings,
    TimeProvider time,
    ILogger<TimerScheduler> logger) : BackgroundService
{
    // Task.Delay cannot wait longer than about 49 days; long waits are taken in steps.
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var timers = catalog.Catalog.TimerFunctions;
        if (!settings.RunTimers)
        {
            LogDisabled(logger, timers.Count);
            return;
        }

        await Task.WhenAll(timers.Select(t => RunTimerAsync(t.Name, stoppingToken))).ConfigureAwait(false);
    }

    private async Task RunTimerAsync(string name, CancellationToken stoppingToken)
    {
        if (!catalog.Catalog.TryGetTimer(name, out var function, out var definition))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunScheduleAsync(function, definition, stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // One timer's trouble (e.g. a custom status store failing) must not stop the others or the app.
                LogSchedulerFailed(logger, e, name, RetryAfterFailure.TotalSeconds);
                await Task.Delay(RetryAfterFailure, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RunScheduleAsync(ITimerFunction function, TimerFunctionDefinition definition, CancellationToken stoppingToken)
    {
        var name = definition.Name;
        var schedule = definition.Schedule;
        var zone = settings.TimeZone;
        var status = await StartingStatusAsync(function, definition, stoppingToken).ConfigureAwait(false);
        while (status is not null)
        {
            LogScheduled(logger, name, status.Next, schedule.Expression, zone.Id);
            var due = status.Next;
            for (var wait = due - time.GetUtcNow(); wait > TimeSpan.Zero; wait = due - time.GetUtcNow())
            {
                await Task.Delay(wait < MaxWait ? wait : MaxWait, time, stoppingToken).ConfigureAwait(false);
            }

            await runner.RunAsync(function, isPastDue: false, status, "schedule", stoppingToken).ConfigureAwait(false);
            status = await RecordRunAsync(name, definition, due, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>The status to wait on at start-up, after running a missed occurrence as past due.</summary>
    private async Task<ScheduleStatus?> StartingStatusAsync(ITimerFunction function, TimerFunctionDefinition definition, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var recorded = await store.GetAsync(definition.Name, cancellationToken).ConfigureAwait(false);
        if (recorded is null)
        {
            return await SaveNextAsync(definition.Name, definition, last: null, after: now, cancellationToken).ConfigureAwait(false);
        }

        if (recorded.Next <= now)
        {
            await runner.RunAsync(function, isPastDue: true, recorded, "past due", cancellationToken).ConfigureAwait(false);
            return await RecordRunAsync(definition.Name, definition, recorded.Next, cancellationToken).ConfigureAwait(false);
        }

        // A recorded Next that is not the schedule's next occurrence means the schedule changed while we were down.
        var expected = definition.Schedule.GetNextOccurrence(now, settings.TimeZone);
        if (expected != recorded.Next)
        {
            LogScheduleChanged(logger, definition.Name, recorded.Next, expected);
            return await SaveNextAsync(definition.Name, definition, recorded.Last, now, cancellationToken).ConfigureAwait(false);
        }

        return recorded;
    }

    private Task<ScheduleStatus?> RecordRunAsync(string name, TimerFunctionDefinition definition, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        // Occurrences that passed while the run was still going are skipped, not queued up.
        var now = time.GetUtcNow();
        return SaveNextAsync(name, definition, occurrence, now > occurrence ? now : occurrence, cancellationToken);
    }

    private async Task<ScheduleStatus?> SaveNextAsync(string name, TimerFunctionDefinition definition, DateTimeOffset? last, DateTimeOffset after, CancellationToken cancellationToken)
    {
        var next = definition.Schedule.GetNextOccurrence(after, settings.TimeZone);
        if (next is null)
        {
            LogNeverAgain(logger, name, definition.Schedule.Expression);
            return null;
        }

        var status = new ScheduleStatus(last, next.Value, time.GetUtcNow());
        await store.SaveAsync(name, status, cancellationToken).ConfigureAwait(false);
        return status;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduler of timer {FunctionName} failed; it starts again in {RetrySeconds} s.")]
    private static partial void LogSchedulerFailed(ILogger logger, Exception exception, string functionName, double retrySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Standalone timers are off (Hosting:RunTimers = false): {Count} timer(s) run only through POST /admin/functions/{{name}}.")]
    private static partial void LogDisabled(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer {FunctionName} next runs at {Next:o} (schedule '{Schedule}' in {TimeZone}).")]
    private static partial void LogScheduled(ILogger logger, string functionName, DateTimeOffset next, string schedule, string timeZone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {FunctionName}'s schedule changed: it was due at {RecordedNext:o}, now at {Next:o}.")]
    private static partial void LogScheduleChanged(ILogger logger, string functionName, DateTimeOffset recordedNext, DateTimeOffset? next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {FunctionName}'s schedule '{Schedule}' has no further occurrence; it will not run again.")]
    private static partial void LogNeverAgain(ILogger logger, string functionName, string schedule);
}
