using OfficeFlow.Functions.Grades;

namespace OfficeFlow.Functions.Invoices;

/// <summary>Puts an invoice task (2.3, 2.7, 5.3) into the grades ledger. It runs after the invoice write is
/// committed, so a ledger failure is logged with the source id (the ledger is idempotent by it, and repeating the
/// action records it) instead of turning a saved payment or a sent reminder into an error.</summary>
internal static class TaskRecording
{
    public static async Task RecordAsync(IServiceProvider services, ILogger log, TaskEvent taskEvent, CancellationToken ct)
    {
        var recorder = services.GetService<ITaskRecorder>();
        if (recorder is null)
        {
            log.LogWarning("No task recorder is registered; task {TaskCode} from {SourceId} was not recorded", taskEvent.TaskCode, taskEvent.SourceId);
            return;
        }

        try
        {
            await recorder.RecordAsync(taskEvent, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Recording task {TaskCode} from {SourceId} failed", taskEvent.TaskCode, taskEvent.SourceId);
        }
    }
}
