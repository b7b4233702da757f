namespace OfficeFlow.Functions.Hosting.Timers;

/// <summary>Where the standalone scheduler keeps each timer's <see cref="ScheduleStatus"/> between runs and restarts
/// (the host keeps it in its storage account when useMonitor is on).</summary>
public interface IScheduleStatusStore
{
    Task<ScheduleStatus?> GetAsync(string functionName, CancellationToken cancellationToken);

    Task SaveAsync(string functionName, ScheduleStatus status, CancellationToken cancellationToken);
}
