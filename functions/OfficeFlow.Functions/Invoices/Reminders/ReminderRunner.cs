using OfficeFlow.Functions.Firm;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Graph;
using OfficeFlow.Functions.Invoices.Lifecycle;
using OfficeFlow.Functions.Invoices.Storage;

namespace OfficeFlow.Functions.Invoices.Reminders;

/// <summary>What one reminder run did: mails sent, steps another run had already claimed, and failed sends.</summary>
public sealed record ReminderRunResult(int Sent, int AlreadyClaimed, int Failed);

/// <summary>
/// One pass of the overdue-reminder timer: for every open invoice (issued, sent, partly paid, with a balance, an
/// e-mail address and no "do not remind" on it or its client) whose escalation step has come, claim the step's
/// marker, send the mail through <see cref="IMailSender"/>, record the outcome and log task 2.7 to the invoice's
/// manager. Safe to run twice at once: the marker claim lets exactly one runner send each step.
/// </summary>
public sealed class ReminderRunner(
    InvoiceStore invoices,
    ClientSettingsStore clients,
    ReminderMarkerStore markers,
    InvoicesOptions options,
    FirmDirectory firms,
    TimeProvider time,
    IServiceProvider services,
    ILogger<ReminderRunner> log)
{
    public const string ReminderTaskCode = "2.7";

    public async Task<ReminderRunResult> RunAsync(CancellationToken ct)
    {
        var mail = services.GetRequiredService<IMailSender>();
        var today = options.Today(time);
        var quiet = await clients.DoNotRemindClientsAsync(ct).ConfigureAwait(false);
        var all = await invoices.ListAsync(null, null, ct).ConfigureAwait(false);
        // Signed by the firm's one record, as its invoices are.
        var firm = (await firms.CurrentAsync(ct).ConfigureAwait(false)).Requisites.Name;
        int sent = 0, claimed = 0, failed = 0;
        foreach (var invoice in all)
        {
            if (!invoice.IsOpen || invoice.DoNotRemind || invoice.ClientEmail is null || quiet.Contains(invoice.ClientId)
                || options.ReminderSchedule.StepDue(invoice.DueDate, today) is not ReminderStep step)
            {
                continue;
            }

            var claim = await markers.TryClaimAsync(invoice.Id, step, invoice.ClientEmail, time.GetUtcNow(), ct).ConfigureAwait(false);
            if (!claim.MustSend)
            {
                if (claim.SentWithoutTaskAt is { } sentAt && await TryRecordTaskAsync(invoice, step, sentAt, ct).ConfigureAwait(false))
                {
                    await markers.MarkTaskRecordedAsync(invoice.Id, step, ct).ConfigureAwait(false);
                }

                claimed++;
                continue;
            }

            if (await SendAsync(mail, invoice, step, today, firm, ct).ConfigureAwait(false))
            {
                sent++;
            }
            else
            {
                failed++;
            }
        }

        log.LogInformation("Invoice reminders on {Today}: {Sent} sent, {Claimed} already claimed, {Failed} failed", today, sent, claimed, failed);
        return new ReminderRunResult(sent, claimed, failed);
    }

    private async Task<bool> SendAsync(IMailSender mail, Invoice invoice, ReminderStep step, DateOnly today, string firm, CancellationToken ct)
    {
        var firstAfterDue = options.ReminderSchedule.Steps.FirstOrDefault(s => s.OffsetDays > 0) == step;
        var (subject, html) = ReminderMailTemplate.Render(invoice, step, firstAfterDue, today, firm);
        var sourceId = $"invoice-reminder:{invoice.Id}:{step.Key}";
        try
        {
            await mail.SendAsync(new OutgoingMail([invoice.ClientEmail!], subject, html, sourceId), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The marker says "failed" so the next run may retake the step; the run goes on with other invoices.
            log.LogError(e, "Reminder {Step} for invoice {InvoiceId} was not sent", step.Key, invoice.Id);
            await markers.RecordOutcomeAsync(invoice.Id, step, time.GetUtcNow(), e.GetType().Name, ct).ConfigureAwait(false);
            return false;
        }

        var now = time.GetUtcNow();
        // The mail is out: the step is sent whatever happens to task 2.7. A task the ledger refused now is noted on the
        // marker and recorded by a later run (with the time of this send, so in this month), never by sending again.
        var recorded = await TryRecordTaskAsync(invoice, step, now, ct).ConfigureAwait(false);
        await markers.RecordOutcomeAsync(invoice.Id, step, now, null, ct, recorded).ConfigureAwait(false);
        return true;
    }

    /// <summary>Task 2.7 for a sent step, keyed by the step so a repeat is counted once; false when the ledger did not take it.</summary>
    private async Task<bool> TryRecordTaskAsync(Invoice invoice, ReminderStep step, DateTimeOffset sentAt, CancellationToken ct)
    {
        var sourceId = $"invoice-reminder:{invoice.Id}:{step.Key}";
        try
        {
            await TaskRecording.RecordAsync(services, log, new TaskEvent(invoice.CreatedBy, ReminderTaskCode, sentAt, sourceId, invoice.ClientId, $"Напоминание по счёту № {invoice.Number}"), ct).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // TaskRecording has logged it as an error; the marker keeps the debt for the next run.
            return false;
        }
    }
}
