namespace OfficeFlow.Functions.Hosting.Timers;

/// <summary>
/// A timer-triggered function. Under the Functions host it runs when the host POSTs /{Name};
/// in standalone mode the app's own scheduler runs it; POST /admin/functions/{Name} runs it now.
/// </summary>
public interface ITimerFunction
{
    /// <summary>The function's name (letters and digits), e.g. "MailboxSync".</summary>
    string Name { get; }

    /// <summary>The configuration key whose value overrides <see cref="DefaultSchedule"/>, e.g. "Contacts:MailboxSyncSchedule".</summary>
    string ScheduleSetting { get; }

    /// <summary>A 6-field NCRONTAB expression (second minute hour day month day-of-week), e.g. "0 */15 * * * *".</summary>
    string DefaultSchedule { get; }

    Task RunAsync(TimerInvocation invocation, CancellationToken cancellationToken);
}
