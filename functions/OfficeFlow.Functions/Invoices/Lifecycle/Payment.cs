namespace OfficeFlow.Functions.Invoices.Lifecycle;

/// <summary>Money received against an invoice (a payment order, платёжное поручение).</summary>
/// <param name="Id">Unique per invoice; the request id when the caller sent one, so a repeat is recognised.</param>
/// <param name="OrderNumber">The payment order's number, as on the bank statement.</param>
public sealed record Payment(
    string Id,
    string InvoiceId,
    DateOnly Date,
    decimal Amount,
    string? OrderNumber,
    string? Note,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    DateTimeOffset? CancelledAt = null,
    string? CancelledBy = null)
{
    public bool IsCancelled => CancelledAt is not null;
}
