using System.Collections.Concurrent;

namespace OfficeFlow.Functions.Hosting.Timers;

/// <summary>Schedule status kept only for the life of the process.</summary>
public sealed class InMemoryScheduleStatusStore : IScheduleStatusStore
{
    private readonly ConcurrentDictionary<string, ScheduleStatus> _statuses = new(StringComparer.OrdinalIgnoreCase);

    public Task<ScheduleStatus?> GetAsync(string functionName, CancellationToken cancellationToken)
        => Task.FromResult(_statuses.TryGetValue(functionName, out var status) ? status : null);

    public Task SaveAsync(string functionName, ScheduleStatus status, CancellationToken cancellationToken)
    {
        _statuses[functionName] = status;
        return Task.CompletedTask;
    }
}
