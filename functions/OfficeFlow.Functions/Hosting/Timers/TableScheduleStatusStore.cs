using Azure;
using OfficeFlow.Functions.Storage;
using Azure.Data.Tables;

namespace OfficeFlow.Functions.Hosting.Timers;

/// <summary>
/// Keeps schedule status in the "TimerSchedules" table (one row per timer: PartitionKey = function
/// name, RowKey = "status"), so a restart after a missed occurrence runs it once as past due.
/// When the table cannot be reached the status lives on in memory and a warning says so: timers
/// keep running, only the past-due check across restarts is lost. The table store is resolved on
/// first use, not at construction, so that a storage client that cannot even be created (bad
/// connection string) costs the timers their persistence, not the app its start.
/// </summary>
public sealed partial class TableScheduleStatusStore(IServiceProvider services, ILogger<TableScheduleStatusStore> logger) : IScheduleStatusStore
{
    public const string TableName = "TimerSchedules";
    private const string RowKey = "status";

    private readonly InMemoryScheduleStatusStore _memory = new();

    public async Task<ScheduleStatus?> GetAsync(string functionName, CancellationToken cancellationToken)
    {
        try
        {
            var table = await services.GetRequiredService<TableStore>().GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
            var entity = await table.FindAsync<ScheduleStatusEntity>(functionName, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (entity is null)
            {
                return await _memory.GetAsync(functionName, cancellationToken).ConfigureAwait(false);
            }

            var status = new ScheduleStatus(entity.Last, entity.Next, entity.LastUpdated);
            await _memory.SaveAsync(functionName, status, cancellationToken).ConfigureAwait(false);
            return status;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogStorageUnavailable(logger, e, functionName, "read");
            return await _memory.GetAsync(functionName, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task SaveAsync(string functionName, ScheduleStatus status, CancellationToken cancellationToken)
    {
        await _memory.SaveAsync(functionName, status, cancellationToken).ConfigureAwait(false);
        try
        {
            var table = await services.GetRequiredService<TableStore>().GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
            // Last writer wins on purpose: one scheduler owns a timer's row, and its latest status is the truth.
            await table.UpsertAsync(
                new ScheduleStatusEntity
                {
                    PartitionKey = functionName,
                    RowKey = RowKey,
                    Last = status.Last,
                    Next = status.Next,
                    LastUpdated = status.LastUpdated,
                },
                TableUpdateMode.Replace,
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogStorageUnavailable(logger, e, functionName, "saved");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The schedule status of timer {FunctionName} could not be {Operation} in Table Storage; keeping it in memory, so a restart will not know about missed runs.")]
    private static partial void LogStorageUnavailable(ILogger logger, Exception exception, string functionName, string operation);

    /// <summary>One row of the TimerSchedules table.</summary>
    public sealed class ScheduleStatusEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public DateTimeOffset? Last { get; set; }
        public DateTimeOffset Next { get; set; }
        public DateTimeOffset LastUpdated { get; set; }
    }
}
