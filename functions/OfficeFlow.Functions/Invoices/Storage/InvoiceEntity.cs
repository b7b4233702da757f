using System.Runtime.Serialization;
using System.Text.Json;
using Azure;
using OfficeFlow.Functions.Invoices.Lifecycle;
using OfficeFlow.Functions.Invoices.Money;
using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Invoices.Storage;

/// <summary>The stored invoice row. <see cref="Status"/>, <see cref="Total"/> and <see cref="Balance"/> are copies of
/// figures derived from the facts, kept so a list can filter on them; every write recomputes them from the facts.</summary>
public sealed class InvoiceEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Id { get; set; } = "";
    public int Number { get; set; }
    public string ClientId { get; set; } = "";
    public string ClientName { get; set; } = "";
    public string? ClientEmail { get; set; }
    public string? ContractId { get; set; }
    public string IssueDate { get; set; } = "";
    public string DueDate { get; set; } = "";
    public int? PaymentTermDays { get; set; }
    public string Currency { get; set; } = "RUB";
    public VatMode VatMode { get; set; }
    /// <summary>The lines as JSON: they are read and written with the invoice, never queried one by one.</summary>
    public string LinesJson { get; set; } = "[]";
    // Money: invariant text under the property's old name, read and written through StoredMoney.
    [DataMember(Name = nameof(Paid))]
    public string PaidText { get; set; } = "0";
    [IgnoreDataMember]
    public decimal Paid { get => StoredMoney.Parse(PaidText, nameof(Paid)); set => PaidText = StoredMoney.Format(value); }
    [DataMember(Name = nameof(Total))]
    public string TotalText { get; set; } = "0";
    [IgnoreDataMember]
    public decimal Total { get => StoredMoney.Parse(TotalText, nameof(Total)); set => TotalText = StoredMoney.Format(value); }
    [DataMember(Name = nameof(Balance))]
    public string BalanceText { get; set; } = "0";
    [IgnoreDataMember]
    public decimal Balance { get => StoredMoney.Parse(BalanceText, nameof(Balance)); set => BalanceText = StoredMoney.Format(value); }
    public InvoiceStatus Status { get; set; }
    public DateTimeOffset? IssuedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancelReason { get; set; }
    public string? PaidOn { get; set; }
    public string? AcceptedOn { get; set; }
    public bool DoNotRemind { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static InvoiceEntity From(Invoice invoice, ETag etag = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new InvoiceEntity
        {
            PartitionKey = InvoiceKeys.Partition(invoice.Year),
            RowKey = InvoiceKeys.InvoiceRow(invoice.Number),
            ETag = etag,
            Id = invoice.Id,
            Number = invoice.Number,
            ClientId = invoice.ClientId,
            ClientName = invoice.ClientName,
            ClientEmail = invoice.ClientEmail,
            ContractId = invoice.ContractId,
            IssueDate = InvoiceKeys.Date(invoice.IssueDate),
            DueDate = InvoiceKeys.Date(invoice.DueDate),
            PaymentTermDays = invoice.PaymentTermDays,
            Currency = invoice.Currency,
            VatMode = invoice.VatMode,
            LinesJson = JsonSerializer.Serialize(invoice.Lines, Json),
            Paid = invoice.Paid,
            Total = invoice.Total,
            Balance = invoice.Balance,
            Status = invoice.Status,
            IssuedAt = invoice.IssuedAt,
            SentAt = invoice.SentAt,
            CancelledAt = invoice.CancelledAt,
            CancelReason = invoice.CancelReason,
            PaidOn = invoice.PaidOn is DateOnly paidOn ? InvoiceKeys.Date(paidOn) : null,
            AcceptedOn = invoice.AcceptedOn is DateOnly acceptedOn ? InvoiceKeys.Date(acceptedOn) : null,
            DoNotRemind = invoice.DoNotRemind,
            CreatedBy = invoice.CreatedBy,
            CreatedAt = invoice.CreatedAt,
        };
    }

    public Invoice ToInvoice() => new()
    {
        Id = Id,
        Year = int.Parse(PartitionKey, System.Globalization.CultureInfo.InvariantCulture),
        Number = Number,
        ClientId = ClientId,
        ClientName = ClientName,
        ClientEmail = ClientEmail,
        ContractId = ContractId,
        IssueDate = InvoiceKeys.ParseDate(IssueDate),
        DueDate = InvoiceKeys.ParseDate(DueDate),
        PaymentTermDays = PaymentTermDays,
        Currency = Currency,
        VatMode = VatMode,
        Lines = JsonSerializer.Deserialize<List<InvoiceLine>>(LinesJson, Json) ?? [],
        Paid = Paid,
        IssuedAt = IssuedAt,
        SentAt = SentAt,
        CancelledAt = CancelledAt,
        CancelReason = CancelReason,
        PaidOn = PaidOn is null ? null : InvoiceKeys.ParseDate(PaidOn),
        AcceptedOn = AcceptedOn is null ? null : InvoiceKeys.ParseDate(AcceptedOn),
        DoNotRemind = DoNotRemind,
        CreatedBy = CreatedBy,
        CreatedAt = CreatedAt,
    };
}
