using OfficeFlow.Functions.Grades;

namespace OfficeFlow.Functions.Invoices;

/// <summary>
/// Puts an invoice task (2.3, 2.7, 5.3) into the grades ledger, the same way every capability does: a failure to
/// record fails the action. Pay is computed from the ledger, so a record that is only logged as lost is pay lost
/// without anyone seeing it. Failing is enough because the ledger is idempotent by the event's SourceId (one
/// conditional add keyed by it): the invoice write before it is committed and idempotent too (an Idempotency-Key, an
/// issue of an issued invoice), so the client's retry — the add-in retries a 503 with the same key — passes the write
/// again and completes the record, and a record that did land is not counted twice. A queue retried in the
/// background was the alternative; it would need its own table, timer and admin view, and its write fails in the
/// same storage outage that failed the record. The failure keeps its own type: a storage outage answers 503 with
/// Retry-After and a Russian "повторите" (Hosting/ErrorHandling), anything else the usual Russian 500.
/// The reminder timer has no caller to retry and must not send a mail twice: it notes an unrecorded 2.7 on the step's
/// marker and the next run records it (Reminders/ReminderRunner).
/// </summary>
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
            log.LogError(e, "Recording task {TaskCode} from {SourceId} failed; the request fails so that its retry records it", taskEvent.TaskCode, taskEvent.SourceId);
            throw;
        }
    }
}
