using System.Runtime.Serialization;
using Azure;
using OfficeFlow.Functions.Invoices.Lifecycle;
using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Invoices.Storage;

/// <summary>The stored payment row, in its invoice's partition.</summary>
public sealed class PaymentEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string PaymentId { get; set; } = "";
    public string InvoiceId { get; set; } = "";
    public string Date { get; set; } = "";
    // Money: invariant text under the property's old name, read and written through StoredMoney.
    [DataMember(Name = nameof(Amount))]
    public string AmountText { get; set; } = "0";
    [IgnoreDataMember]
    public decimal Amount { get => StoredMoney.Parse(AmountText, nameof(Amount)); set => AmountText = StoredMoney.Format(value); }
    public string? OrderNumber { get; set; }
    public string? Note { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancelledBy { get; set; }

    public static PaymentEntity From(Invoice invoice, Payment payment, ETag etag = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(payment);
        return new PaymentEntity
        {
            PartitionKey = InvoiceKeys.Partition(invoice.Year),
            RowKey = InvoiceKeys.PaymentRow(invoice.Number, payment.Id),
            ETag = etag,
            PaymentId = payment.Id,
            InvoiceId = payment.InvoiceId,
            Date = InvoiceKeys.Date(payment.Date),
            Amount = payment.Amount,
            OrderNumber = payment.OrderNumber,
            Note = payment.Note,
            RecordedBy = payment.RecordedBy,
            RecordedAt = payment.RecordedAt,
            CancelledAt = payment.CancelledAt,
            CancelledBy = payment.CancelledBy,
        };
    }

    public Payment ToPayment() => new(PaymentId, InvoiceId, InvoiceKeys.ParseDate(Date), Amount, OrderNumber, Note, RecordedBy, RecordedAt, CancelledAt, CancelledBy);
}
