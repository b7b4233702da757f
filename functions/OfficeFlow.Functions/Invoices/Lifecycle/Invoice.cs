using OfficeFlow.Functions.Invoices.Money;

namespace OfficeFlow.Functions.Invoices.Lifecycle;

/// <summary>An invoice: what was sold to whom, and the facts of its life (issued, sent, paid, cancelled).
/// <see cref="Status"/>, <see cref="Balance"/> and the overdue figures are derived from these facts, never stored apart.</summary>
public sealed record Invoice
{
    /// <summary>"{year}-{number:0000}", e.g. "2026-0015": unique, and what the API and URLs use.</summary>
    public required string Id { get; init; }
    public required int Year { get; init; }
    /// <summary>The number printed on the invoice ("Счёт на оплату № 15"); restarts each year.</summary>
    public required int Number { get; init; }
    public required string ClientId { get; init; }
    public required string ClientName { get; init; }
    /// <summary>Where reminders go; no address, no reminders.</summary>
    public string? ClientEmail { get; init; }
    public string? ContractId { get; init; }
    public required DateOnly IssueDate { get; init; }
    public required DateOnly DueDate { get; init; }
    /// <summary>Days from issue to due; null when the manager fixed the due date. Issuing recomputes the due date from it.</summary>
    public int? PaymentTermDays { get; init; }
    public string Currency { get; init; } = "RUB";
    public VatMode VatMode { get; init; } = VatMode.Included;
    public required IReadOnlyList<InvoiceLine> Lines { get; init; }
    public decimal Paid { get; init; }
    public DateTimeOffset? IssuedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
    public string? CancelReason { get; init; }
    /// <summary>The date of the payment that brought the balance to zero.</summary>
    public DateOnly? PaidOn { get; init; }
    /// <summary>When the client accepted the work (signed act); counts the invoice into that month's volume.</summary>
    public DateOnly? AcceptedOn { get; init; }
    /// <summary>"Do not remind" for this invoice (the client's own flag is kept apart).</summary>
    public bool DoNotRemind { get; init; }
    /// <summary>The user id of the manager who created it; reminders are counted to them.</summary>
    public required string CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public InvoiceTotals Totals => InvoiceMath.Totals(Lines, VatMode);
    public decimal Total => Totals.Total;
    public decimal Balance => Total - Paid;

    public InvoiceStatus Status =>
        CancelledAt is not null ? InvoiceStatus.Cancelled
        : IssuedAt is null ? InvoiceStatus.Draft
        : Paid > 0 && Paid >= Total ? InvoiceStatus.Paid
        : Paid > 0 ? InvoiceStatus.PartlyPaid
        : SentAt is not null ? InvoiceStatus.Sent
        : InvoiceStatus.Issued;

    /// <summary>True while the client owes money on it: issued, not cancelled, balance above zero.</summary>
    public bool IsOpen => (Status is InvoiceStatus.Issued or InvoiceStatus.Sent or InvoiceStatus.PartlyPaid) && Balance > 0;

    /// <summary>Days past the due date on <paramref name="today"/> while a balance is open; 0 otherwise.</summary>
    public int DaysOverdue(DateOnly today) => IsOpen && today > DueDate ? today.DayNumber - DueDate.DayNumber : 0;

    public bool IsOverdue(DateOnly today) => DaysOverdue(today) > 0;
}
