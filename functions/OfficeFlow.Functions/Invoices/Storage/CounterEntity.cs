using Azure;
using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Invoices.Storage;

/// <summary>A year's invoice number counter: <see cref="Last"/> is the last number given out.</summary>
public sealed class CounterEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Last { get; set; }
}

/// <summary>Marks that a create request (by its Idempotency-Key) made an invoice, so a repeat returns it.</summary>
public sealed class CreateRequestEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string InvoiceId { get; set; } = "";
}
