using OfficeFlow.Functions.Grades.Computation;

namespace OfficeFlow.Functions.Grades.Ledger;

/// <summary>Records the other capabilities' events as automatic ledger entries, once per SourceId.</summary>
public sealed class TableTaskRecorder(LedgerStore store, ILogger<TableTaskRecorder> logger) : ITaskRecorder
{
    public async Task RecordAsync(TaskEvent taskEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(taskEvent.EmployeeId);
        ArgumentException.ThrowIfNullOrWhiteSpace(taskEvent.TaskCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(taskEvent.SourceId);

        var month = GradesMonth.Of(taskEvent.At, store.Zone);
        var entity = new LedgerEntity
        {
            PartitionKey = month.ToString(),
            RowKey = LedgerIds.AutomaticRowKey(taskEvent.SourceId),
            EmployeeId = taskEvent.EmployeeId,
            At = taskEvent.At,
            TaskCode = taskEvent.TaskCode,
            Source = LedgerSource.Automatic,
            ClientId = taskEvent.ClientId,
            SourceId = taskEvent.SourceId,
            Note = taskEvent.Note,
        };
        var outcome = await store.AddAutomaticAsync(entity, cancellationToken);
        logger.LogInformation("Task {TaskCode} for employee {EmployeeId} in {Month}: {Outcome}", taskEvent.TaskCode, taskEvent.EmployeeId, entity.PartitionKey, outcome);
    }
}
