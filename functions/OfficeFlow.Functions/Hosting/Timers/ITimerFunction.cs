namespace OfficeFlow.Functions.Hosting.Timers;

/// <summary>
/// A timer-triggered function. In Azure the isolated worker's [TimerTrigger] function of the same name runs it; in
/// standalone mode the app's own scheduler runs it; POST /admin/functions/{Name} runs it now.
/// </summary>
public interface ITimerFunction
{
    /// <summary>The function's name (letters and digits), e.g. "MailboxSync".</summary>
    string Name { get; }

    /// <summary>The configuration key whose value overrides <see cref="DefaultSchedule"/>, e.g. "Contacts:MailboxSyncSchedule".</summary>
    string ScheduleSetting { get; }

    /// <summary>A 6-field NCRONTAB expression (second minute hour day month day-of-week), e.g. "0 */15 * * * *", read by the
    /// standalone host in the app's zone (Moscow by default). The worker's timers take <see cref="ScheduleSetting"/> only
    /// (<c>%Setting%</c>), which the Functions host on Linux Flex reads in UTC: infra/main.bicep sets it.</summary>
    string DefaultSchedule { get; }

    Task RunAsync(TimerInvocation invocation, CancellationToken cancellationToken);
}
