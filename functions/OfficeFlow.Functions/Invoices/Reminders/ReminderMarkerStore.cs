using Azure;
using OfficeFlow.Functions.Storage;
using Azure.Data.Tables;

namespace OfficeFlow.Functions.Invoices.Reminders;

/// <summary>
/// One marker row per invoice and escalation step (table InvoiceReminders, PK invoice id, RK step key), added
/// BEFORE the mail is sent. Adding is the claim: whoever adds it sends; a second run or a second instance gets 409
/// and sends nothing. The outcome (sent, failed) is written on the same row afterwards.
/// </summary>
public class ReminderMarkerStore(TableStore tables)
{
    public const string TableName = "InvoiceReminders";

    /// <summary>Claims the step for sending. <see cref="ReminderClaim.MustSend"/> when this caller must send now: it added
    /// the marker, or the marker recorded a failed send and this caller won the ETag-guarded retake. A step sent earlier
    /// whose task 2.7 did not reach the ledger comes back with <see cref="ReminderClaim.SentWithoutTaskAt"/>.</summary>
    public virtual async Task<ReminderClaim> TryClaimAsync(string invoiceId, ReminderStep step, string to, DateTimeOffset now, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var marker = new ReminderMarkerEntity
        {
            PartitionKey = invoiceId,
            RowKey = step.Key,
            State = ReminderState.Sending,
            To = to,
            ClaimedAt = now,
            Attempts = 1,
        };
        var added = await table.TryAddAsync(marker, ct).ConfigureAwait(false);
        if (added == TableWriteStatus.Ok)
        {
            return ReminderClaim.Send;
        }

        var existing = await table.FindAsync<ReminderMarkerEntity>(invoiceId, step.Key, cancellationToken: ct).ConfigureAwait(false);
        if (existing is { State: ReminderState.Sent, TaskRecorded: false, FinishedAt: { } sentAt })
        {
            return new ReminderClaim(false, sentAt);
        }

        if (existing is not { State: ReminderState.Failed })
        {
            return ReminderClaim.Taken;
        }

        existing.State = ReminderState.Sending;
        existing.ClaimedAt = now;
        existing.Attempts++;
        var retaken = await table.TryUpdateAsync(existing, existing.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        return retaken == TableWriteStatus.Ok ? ReminderClaim.Send : ReminderClaim.Taken;
    }

    /// <summary>Records how the send ended; <paramref name="failure"/> is a short reason (no mail content, no exception text);
    /// <paramref name="taskRecorded"/> whether task 2.7 of a sent step reached the ledger (a later run completes it if not).</summary>
    public virtual async Task RecordOutcomeAsync(string invoiceId, ReminderStep step, DateTimeOffset now, string? failure, CancellationToken ct, bool taskRecorded = true)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var marker = await table.FindAsync<ReminderMarkerEntity>(invoiceId, step.Key, cancellationToken: ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Reminder marker {invoiceId}/{step.Key} vanished before its outcome was recorded.");
        marker.State = failure is null ? ReminderState.Sent : ReminderState.Failed;
        marker.FinishedAt = now;
        marker.Failure = failure;
        marker.TaskRecorded = failure is null ? taskRecorded : null;
        // ETag.All: the outcome is a fact of this send, recorded whatever else touched the marker; only its loss is an error.
        if (await table.TryUpdateAsync(marker, ETag.All, TableUpdateMode.Replace, ct).ConfigureAwait(false) == TableWriteStatus.NotFound)
        {
            throw new InvalidOperationException($"Reminder marker {invoiceId}/{step.Key} vanished before its outcome was recorded.");
        }
    }

    /// <summary>Notes that task 2.7 of a sent step is in the ledger now. A lost race with another run only repeats an
    /// idempotent ledger add, so the marker is written unconditionally.</summary>
    public virtual async Task MarkTaskRecordedAsync(string invoiceId, ReminderStep step, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var marker = await table.FindAsync<ReminderMarkerEntity>(invoiceId, step.Key, cancellationToken: ct).ConfigureAwait(false);
        if (marker is not null)
        {
            marker.TaskRecorded = true;
            await table.TryUpdateAsync(marker, ETag.All, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        }
    }

    public virtual async Task<IReadOnlyList<ReminderMarkerEntity>> ListAsync(string invoiceId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var markers = new List<ReminderMarkerEntity>();
        await foreach (var marker in table.QueryAsync<ReminderMarkerEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {invoiceId}"), cancellationToken: ct).ConfigureAwait(false))
        {
            markers.Add(marker);
        }

        return markers;
    }
}

/// <summary>The answer to a claim: send now, or not; and for a step sent earlier without its task 2.7, when it was sent.</summary>
public sealed record ReminderClaim(bool MustSend, DateTimeOffset? SentWithoutTaskAt)
{
    public static readonly ReminderClaim Send = new(true, null);
    public static readonly ReminderClaim Taken = new(false, null);
}

public enum ReminderState
{
    /// <summary>Claimed; the mail is being sent (or the sender died mid-way: then it is never re-sent).</summary>
    Sending,
    Sent,
    /// <summary>The send failed for sure; the next run may retake it.</summary>
    Failed,
}

public sealed class ReminderMarkerEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public ReminderState State { get; set; }
    public string To { get; set; } = "";
    public DateTimeOffset ClaimedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int Attempts { get; set; }
    public string? Failure { get; set; }

    /// <summary>For a sent step: whether its task 2.7 reached the ledger. Null on markers written before this was kept
    /// (their task was recorded or, then, only logged as lost) and on unsent steps.</summary>
    public bool? TaskRecorded { get; set; }
}
