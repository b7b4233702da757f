using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Invoices.Aging;
using OfficeFlow.Functions.Invoices.Api;
using OfficeFlow.Functions.Invoices.Lifecycle;
using OfficeFlow.Functions.Invoices.Storage;
using OfficeFlow.Functions.Invoices.Volume;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Invoices;

/// <summary>
/// What the API and the timer do with invoices: the rules of <see cref="InvoiceLifecycle"/> applied to stored
/// invoices under optimistic concurrency (read, apply, write with the ETag, on a conflict read again), and the
/// grades-ledger tasks that follow (2.3 issue, 5.3 payment linked).
/// </summary>
public sealed class InvoiceService(
    InvoiceStore store,
    ClientSettingsStore clients,
    InvoicesOptions options,
    TimeProvider time,
    IServiceProvider services,
    ILogger<InvoiceService> log)
{
    public const string IssueTaskCode = "2.3";
    public const string PaymentTaskCode = "5.3";

    public DateOnly Today => options.Today(time);

    public InvoicesOptions Options => options;

    public Task<(Invoice Invoice, bool Created)> CreateAsync(Func<int, string, Invoice> build, string? requestId, CancellationToken ct) =>
        store.CreateAsync(Today.Year, build, requestId, ct);

    public async Task<(Invoice Invoice, IReadOnlyList<Payment> Payments)> GetAsync(string id, CancellationToken ct)
    {
        var (invoice, _) = await LoadAsync(id, ct).ConfigureAwait(false);
        var payments = await store.GetPaymentsAsync(invoice, ct).ConfigureAwait(false);
        return (invoice, payments.Select(p => p.Payment).ToList());
    }

    /// <summary>Lists invoices; <paramref name="status"/> may also be "overdue" (derived: open and past due today).</summary>
    public async Task<IReadOnlyList<Invoice>> ListAsync(string? clientId, string? status, CancellationToken ct)
    {
        if (string.Equals(status, "overdue", StringComparison.OrdinalIgnoreCase))
        {
            var today = Today;
            var all = await store.ListAsync(clientId, null, ct).ConfigureAwait(false);
            return all.Where(i => i.IsOverdue(today)).ToList();
        }

        InvoiceStatus? stored = null;
        if (status is not null)
        {
            if (!Enum.TryParse<InvoiceStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
            {
                throw new InvoiceRuleException(InvoiceRuleKind.Invalid, "status",
                    $"Статус «{Hosting.Echo.Short(status)}» неизвестен: draft, issued, sent, partlyPaid, paid, cancelled или overdue.");
            }

            stored = parsed;
        }

        return await store.ListAsync(clientId, stored, ct).ConfigureAwait(false);
    }

    public async Task<Invoice> IssueAsync(string id, CurrentUser user, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var issued = await ChangeAsync(id, i => InvoiceLifecycle.Issue(i, now, Today), ct).ConfigureAwait(false);
        // Recorded on every (repeated) issue: the ledger is idempotent by source id, so a retry heals a lost record.
        await RecordAsync(new TaskEvent(user.Id, IssueTaskCode, issued.IssuedAt ?? now, $"invoice-issue:{issued.Id}", issued.ClientId, $"Счёт № {issued.Number}"), ct).ConfigureAwait(false);
        return issued;
    }

    public Task<Invoice> MarkSentAsync(string id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return ChangeAsync(id, i => InvoiceLifecycle.MarkSent(i, now), ct);
    }

    public Task<Invoice> CancelAsync(string id, string? reason, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return ChangeAsync(id, i => InvoiceLifecycle.Cancel(i, now, reason), ct);
    }

    public Task<Invoice> AcceptAsync(string id, string? acceptedOn, CancellationToken ct)
    {
        var today = Today;
        var date = today;
        if (acceptedOn is not null && !InvoiceDraftValidator.TryDate(acceptedOn, out date))
        {
            throw new InvoiceRuleException(InvoiceRuleKind.Invalid, "acceptedOn", "Дата приёмки работ — в виде ГГГГ-ММ-ДД.");
        }

        return ChangeAsync(id, i => InvoiceLifecycle.Accept(i, date, today), ct);
    }

    public Task<Invoice> SetDoNotRemindAsync(string id, bool doNotRemind, CancellationToken ct) =>
        ChangeAsync(id, i => i with { DoNotRemind = doNotRemind }, ct);

    public Task SetClientDoNotRemindAsync(string clientId, bool doNotRemind, CancellationToken ct) =>
        clients.SetDoNotRemindAsync(clientId, doNotRemind, ct);

    /// <summary>Records a payment. With a request id, repeating the request returns the first result (Created = false).</summary>
    public async Task<(Invoice Invoice, Payment Payment, bool Created)> AddPaymentAsync(
        string id, AddPaymentRequest request, CurrentUser user, string? requestId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = Today;
        var date = today;
        if (request.Date is not null && !InvoiceDraftValidator.TryDate(request.Date, out date))
        {
            throw new InvoiceRuleException(InvoiceRuleKind.Invalid, "date", "Дата оплаты — в виде ГГГГ-ММ-ДД.");
        }

        if (date > today)
        {
            throw new InvoiceRuleException(InvoiceRuleKind.Invalid, "date", "Дата оплаты не может быть в будущем.");
        }

        if (request.Amount is not decimal amount)
        {
            throw new InvoiceRuleException(InvoiceRuleKind.Invalid, "amount", "Укажите сумму оплаты (amount).");
        }

        var paymentId = requestId is null ? Guid.NewGuid().ToString("N") : InvoiceKeys.RequestToken("payment:" + id, requestId);
        // A conflict means someone changed the invoice (another payment) since it was read: the hot-row pipeline pauses, and
        // this reads the invoice again and reapplies the payment, for a few seconds at most.
        return await ContentionRetry.RunAsync(store.Retry.HotRow, $"Recording a payment on invoice {id}", async () =>
        {
            var (invoice, etag) = await LoadAsync(id, ct).ConfigureAwait(false);
            var payment = new Payment(paymentId, invoice.Id, date, amount, Trim(request.OrderNumber, 50), Trim(request.Note, 500), user.Id, time.GetUtcNow());
            if (requestId is not null && await FindPaymentAsync(invoice, paymentId, ct).ConfigureAwait(false) is { } earlier)
            {
                // A repeat of a payment already stored: its attempt may have failed between the payment and task 5.3, so
                // the repeat records the task again (the ledger keeps one entry per payment) before it answers.
                await RecordAsync(PaymentTask(invoice, earlier), ct).ConfigureAwait(false);
                return (invoice, earlier, false);
            }

            var updated = InvoiceLifecycle.AddPayment(invoice, payment);
            try
            {
                if (!await store.AddPaymentAsync(updated, etag, payment, ct).ConfigureAwait(false))
                {
                    throw new WriteConflictException();
                }
            }
            catch (PaymentExistsException)
            {
                var (current, _) = await LoadAsync(id, ct).ConfigureAwait(false);
                var existing = await FindPaymentAsync(current, paymentId, ct).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Payment {paymentId} reported as existing but not found.");
                await RecordAsync(PaymentTask(current, existing), ct).ConfigureAwait(false);
                return (current, existing, false);
            }

            await RecordAsync(PaymentTask(invoice, payment), ct).ConfigureAwait(false);
            return (updated, payment, true);
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Task 5.3 for a payment: by whoever recorded it, at the time it was recorded, keyed by the payment.</summary>
    private static TaskEvent PaymentTask(Invoice invoice, Payment payment) =>
        new(payment.RecordedBy, PaymentTaskCode, payment.RecordedAt, $"invoice-payment:{invoice.Id}:{payment.Id}", invoice.ClientId,
            $"Оплата по счёту № {invoice.Number}: {InvoiceLifecycle.Rub(payment.Amount)}");

    public Task<(Invoice Invoice, Payment Payment)> CancelPaymentAsync(string id, string paymentId, CurrentUser user, CancellationToken ct) =>
        ContentionRetry.RunAsync(store.Retry.HotRow, $"Cancelling payment {paymentId} on invoice {id}", async () =>
        {
            var (invoice, etag) = await LoadAsync(id, ct).ConfigureAwait(false);
            var payments = await store.GetPaymentsAsync(invoice, ct).ConfigureAwait(false);
            var found = payments.Where(p => p.Payment.Id == paymentId).ToList();
            if (found.Count == 0)
            {
                throw new InvoiceRuleException(InvoiceRuleKind.NotFound, "payment-not-found", $"По счёту {Hosting.Echo.Short(id)} нет оплаты {Hosting.Echo.Short(paymentId)}.");
            }

            var (payment, paymentETag) = found[0];
            if (payment.IsCancelled)
            {
                return (invoice, payment);
            }

            var cancelled = payment with { CancelledAt = time.GetUtcNow(), CancelledBy = user.Id };
            var updated = InvoiceLifecycle.CancelPayment(invoice, payment);
            // false: the invoice or the payment changed since they were read; read both again.
            return await store.CancelPaymentAsync(updated, etag, cancelled, paymentETag, ct).ConfigureAwait(false)
                ? (updated, cancelled)
                : throw new WriteConflictException();
        }, ct);

    /// <summary>The aging report as of a date (what GET /api/invoices/aging and the grades workbook show).</summary>
    public async Task<AgingReport> AgingAsync(DateOnly asOf, CancellationToken ct)
    {
        var invoices = await store.ListWithPaymentsAsync(null, ct).ConfigureAwait(false);
        return AgingCalculator.Build(invoices, asOf);
    }

    /// <summary>A client's (or, with null, every) invoice with its payments: reconciliation statements.</summary>
    public Task<IReadOnlyList<(Invoice Invoice, IReadOnlyList<Payment> Payments)>> ListWithPaymentsAsync(string? clientId, CancellationToken ct) =>
        store.ListWithPaymentsAsync(clientId, ct);

    /// <summary>The month's volume for the department head's pay.</summary>
    public async Task<MonthVolume> MonthVolumeAsync(int year, int month, CancellationToken ct)
    {
        var invoices = await store.ListAsync(null, null, ct).ConfigureAwait(false);
        return MonthVolume.Compute(invoices, year, month);
    }

    private Task<Invoice> ChangeAsync(string id, Func<Invoice, Invoice> change, CancellationToken ct) =>
        ContentionRetry.RunAsync(store.Retry.HotRow, $"Changing invoice {id}", async () =>
        {
            var (invoice, etag) = await LoadAsync(id, ct).ConfigureAwait(false);
            var changed = change(invoice);
            if (changed == invoice)
            {
                return invoice;
            }

            // A conflict means someone changed the invoice since it was read: read it again and reapply the change.
            return await store.UpdateAsync(changed, etag, ct).ConfigureAwait(false) == TableWriteStatus.Ok
                ? changed
                : throw new WriteConflictException();
        }, ct);

    private async Task<(Invoice Invoice, Azure.ETag ETag)> LoadAsync(string id, CancellationToken ct) =>
        await store.GetAsync(id, ct).ConfigureAwait(false)
        ?? throw new InvoiceRuleException(InvoiceRuleKind.NotFound, "not-found", $"Счёт {Hosting.Echo.Short(id)} не найден.");

    private async Task<Payment?> FindPaymentAsync(Invoice invoice, string paymentId, CancellationToken ct)
    {
        var payments = await store.GetPaymentsAsync(invoice, ct).ConfigureAwait(false);
        return payments.Select(p => p.Payment).FirstOrDefault(p => p.Id == paymentId);
    }

    private Task RecordAsync(TaskEvent taskEvent, CancellationToken ct) => TaskRecording.RecordAsync(services, log, taskEvent, ct);

    private static string? Trim(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.Length <= max ? trimmed : trimmed[..max];
    }
}
