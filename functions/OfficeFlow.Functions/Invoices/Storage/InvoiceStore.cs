using Azure;
using OfficeFlow.Functions.Invoices.Lifecycle;
using OfficeFlow.Functions.Storage;
using Azure.Data.Tables;

namespace OfficeFlow.Functions.Invoices.Storage;

/// <summary>Reads and writes invoices and payments in the Invoices table (key design in <see cref="InvoiceKeys"/>).
/// Every write is conditional: numbering is an ETag-guarded counter in the same transaction as the new invoice,
/// and a payment is added in the same transaction as the ETag-guarded update of its invoice's balance.</summary>
public class InvoiceStore(TableStore tables, ContentionRetry retry)
{
    /// <summary>On the system clock, for code built without dependency injection.</summary>
    public InvoiceStore(TableStore tables) : this(tables, ContentionRetry.System) { }

    /// <summary>The retries of this aggregate's conditional writes (the invoice row under concurrent changes).</summary>
    public ContentionRetry Retry { get; } = retry;

    private Task<TableClient> TableAsync(CancellationToken ct) => tables.GetTableAsync(InvoiceKeys.TableName, ct);

    /// <summary>Creates an invoice with the year's next number; <paramref name="build"/> gets the number and id.
    /// With a <paramref name="requestId"/>, a repeat of the same request returns the invoice made the first time.</summary>
    public virtual async Task<(Invoice Invoice, bool Created)> CreateAsync(int year, Func<int, string, Invoice> build, string? requestId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(build);
        var table = await TableAsync(ct).ConfigureAwait(false);
        var partition = InvoiceKeys.Partition(year);
        var requestRow = requestId is null ? null : InvoiceKeys.RequestPrefix + InvoiceKeys.RequestToken("create", requestId);
        return await ContentionRetry.RunAsync(Retry.SequenceClaim, $"Numbering an invoice in {year}", async () =>
        {
            if (requestRow is not null
                && await table.FindAsync<CreateRequestEntity>(partition, requestRow, cancellationToken: ct).ConfigureAwait(false) is { } done)
            {
                var earlier = await GetAsync(done.InvoiceId, ct).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Create request marker points at missing invoice {done.InvoiceId}.");
                return (earlier.Invoice, false);
            }

            var counter = await table.FindAsync<CounterEntity>(partition, InvoiceKeys.CounterRow, cancellationToken: ct).ConfigureAwait(false);
            var number = (counter?.Last ?? 0) + 1;
            var invoice = build(number, InvoiceKeys.InvoiceId(year, number));
            var nextCounter = new CounterEntity { PartitionKey = partition, RowKey = InvoiceKeys.CounterRow, Last = number };
            var actions = new List<TableTransactionAction>
            {
                counter is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, nextCounter)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, nextCounter, counter.ETag),
                new(TableTransactionActionType.Add, InvoiceEntity.From(invoice)),
            };
            if (requestRow is not null)
            {
                actions.Add(new(TableTransactionActionType.Add, new CreateRequestEntity { PartitionKey = partition, RowKey = requestRow, InvoiceId = invoice.Id }));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
                return (invoice, true);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Someone took this number (or made this request) first: nothing was written; the pipeline pauses and this reads again.
                throw new WriteConflictException();
            }
        }, ct).ConfigureAwait(false);
    }

    /// <summary>The invoice and its ETag, or null when there is no such invoice.</summary>
    public virtual async Task<(Invoice Invoice, ETag ETag)?> GetAsync(string id, CancellationToken ct)
    {
        if (!InvoiceKeys.TryParseId(id, out var year, out var number))
        {
            return null;
        }

        var table = await TableAsync(ct).ConfigureAwait(false);
        var entity = await table.FindAsync<InvoiceEntity>(InvoiceKeys.Partition(year), InvoiceKeys.InvoiceRow(number), cancellationToken: ct).ConfigureAwait(false);
        return entity is null ? null : (entity.ToInvoice(), entity.ETag);
    }

    public virtual async Task<IReadOnlyList<(Payment Payment, ETag ETag)>> GetPaymentsAsync(Invoice invoice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var table = await TableAsync(ct).ConfigureAwait(false);
        var prefix = InvoiceKeys.PaymentRowPrefix(invoice.Number);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {InvoiceKeys.Partition(invoice.Year)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "."}");
        var payments = new List<(Payment, ETag)>();
        await foreach (var entity in table.QueryAsync<PaymentEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            payments.Add((entity.ToPayment(), entity.ETag));
        }

        return payments.OrderBy(p => p.Item1.Date).ThenBy(p => p.Item1.RecordedAt).ToList();
    }

    /// <summary>Writes a changed invoice only if nobody changed it since it was read.</summary>
    public virtual async Task<TableWriteStatus> UpdateAsync(Invoice invoice, ETag ifMatch, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        return await table.TryUpdateAsync(InvoiceEntity.From(invoice), ifMatch, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    /// <summary>Adds the payment row and the invoice's new balance together, the invoice guarded by its ETag.
    /// Returns false when the invoice changed meanwhile (read it again and retry); throws
    /// <see cref="PaymentExistsException"/> when a payment with this id is already there.</summary>
    public virtual async Task<bool> AddPaymentAsync(Invoice updated, ETag invoiceETag, Payment payment, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        try
        {
            await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, InvoiceEntity.From(updated), invoiceETag),
                    new TableTransactionAction(TableTransactionActionType.Add, PaymentEntity.From(updated, payment)),
                ],
                ct).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex == 1)
        {
            throw new PaymentExistsException(payment.Id);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Marks a payment cancelled and lowers the invoice's paid sum together, both ETag-guarded; false on a concurrent change.</summary>
    public virtual async Task<bool> CancelPaymentAsync(Invoice updated, ETag invoiceETag, Payment cancelled, ETag paymentETag, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        try
        {
            await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, InvoiceEntity.From(updated), invoiceETag),
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, PaymentEntity.From(updated, cancelled), paymentETag),
                ],
                ct).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Invoices filtered by client and stored status, oldest number first within a year, newest year first.</summary>
    public virtual async Task<IReadOnlyList<Invoice>> ListAsync(string? clientId, InvoiceStatus? status, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {InvoiceKeys.InvoicePrefix} and RowKey lt {"inv."}");
        if (clientId is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"ClientId eq {clientId}");
        }

        if (status is InvoiceStatus s)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Status eq {s.ToString()}");
        }

        var invoices = new List<Invoice>();
        await foreach (var entity in table.QueryAsync<InvoiceEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            invoices.Add(entity.ToInvoice());
        }

        return invoices.OrderByDescending(i => i.Year).ThenBy(i => i.Number).ToList();
    }

    /// <summary>Every invoice with its payments (aging, reconciliation, volume): two scans of the table.</summary>
    public virtual async Task<IReadOnlyList<(Invoice Invoice, IReadOnlyList<Payment> Payments)>> ListWithPaymentsAsync(string? clientId, CancellationToken ct)
    {
        var invoices = await ListAsync(clientId, null, ct).ConfigureAwait(false);
        var table = await TableAsync(ct).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {InvoiceKeys.PaymentPrefix} and RowKey lt {"pay."}");
        var byInvoice = new Dictionary<string, List<Payment>>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<PaymentEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            var payment = entity.ToPayment();
            if (!byInvoice.TryGetValue(payment.InvoiceId, out var list))
            {
                byInvoice[payment.InvoiceId] = list = [];
            }

            list.Add(payment);
        }

        return invoices
            .Select(i => (i, (IReadOnlyList<Payment>)(byInvoice.TryGetValue(i.Id, out var p) ? p.OrderBy(x => x.Date).ToList() : [])))
            .ToList();
    }
}

/// <summary>A payment with this id is recorded already (the same request came twice).</summary>
public sealed class PaymentExistsException(string paymentId) : Exception($"Payment {paymentId} is recorded already.")
{
    public string PaymentId { get; } = paymentId;
}
