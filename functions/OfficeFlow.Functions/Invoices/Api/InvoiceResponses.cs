using OfficeFlow.Functions.Invoices.Lifecycle;
using OfficeFlow.Functions.Invoices.Money;

namespace OfficeFlow.Functions.Invoices.Api;

/// <summary>An invoice as the API returns it: stored facts plus the derived figures (totals, balance, overdue).</summary>
public sealed record InvoiceResponse(
    string Id,
    int Number,
    string Status,
    string StatusLabel,
    string ClientId,
    string ClientName,
    string? ClientEmail,
    string? ContractId,
    string IssueDate,
    string DueDate,
    string Currency,
    string VatMode,
    IReadOnlyList<InvoiceLineResponse> Lines,
    decimal Net,
    decimal Vat,
    decimal Total,
    IReadOnlyList<VatSubtotalResponse> VatByRate,
    decimal Paid,
    decimal Balance,
    bool Overdue,
    int DaysOverdue,
    string? PaidOn,
    string? AcceptedOn,
    DateTimeOffset? IssuedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? CancelledAt,
    string? CancelReason,
    bool DoNotRemind,
    IReadOnlyList<PaymentResponse>? Payments)
{
    public static InvoiceResponse From(Invoice invoice, DateOnly today, IReadOnlyList<Payment>? payments = null)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var totals = invoice.Totals;
        return new InvoiceResponse(
            invoice.Id,
            invoice.Number,
            invoice.Status.ApiName(),
            invoice.Status.Label(),
            invoice.ClientId,
            invoice.ClientName,
            invoice.ClientEmail,
            invoice.ContractId,
            Date(invoice.IssueDate),
            Date(invoice.DueDate),
            invoice.Currency,
            Camel(invoice.VatMode.ToString()),
            invoice.Lines.Select(l => InvoiceLineResponse.From(l, invoice.VatMode)).ToList(),
            totals.Net,
            totals.Vat,
            totals.Total,
            totals.ByRate.Select(r => new VatSubtotalResponse(r.Rate.ApiValue(), r.Net, r.Vat)).ToList(),
            invoice.Paid,
            invoice.Balance,
            invoice.IsOverdue(today),
            invoice.DaysOverdue(today),
            invoice.PaidOn is DateOnly p ? Date(p) : null,
            invoice.AcceptedOn is DateOnly a ? Date(a) : null,
            invoice.IssuedAt,
            invoice.SentAt,
            invoice.CancelledAt,
            invoice.CancelReason,
            invoice.DoNotRemind,
            payments?.Select(PaymentResponse.From).ToList());
    }

    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    internal static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>A line; <see cref="VatRate"/> is the number 22, 10 or 0, or null for «без НДС» (the form requests use).</summary>
public sealed record InvoiceLineResponse(string Item, decimal Quantity, string Unit, decimal Price, decimal? VatRate, string Kind, decimal Net, decimal Vat, decimal Total)
{
    public static InvoiceLineResponse From(InvoiceLine line, VatMode mode)
    {
        ArgumentNullException.ThrowIfNull(line);
        var amounts = InvoiceMath.Line(line, mode);
        return new(line.Item, line.Quantity, line.Unit, line.Price, line.VatRate.ApiValue(), InvoiceResponse.Camel(line.Kind.ToString()), amounts.Net, amounts.Vat, amounts.Total);
    }
}

/// <summary>Net and VAT of the lines at one rate (22, 10, 0, or null for «без НДС»).</summary>
public sealed record VatSubtotalResponse(decimal? Rate, decimal Net, decimal Vat);

public sealed record PaymentResponse(string Id, string Date, decimal Amount, string? OrderNumber, string? Note, string RecordedBy, DateTimeOffset RecordedAt, bool Cancelled, DateTimeOffset? CancelledAt)
{
    public static PaymentResponse From(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return new(payment.Id, InvoiceResponse.Date(payment.Date), payment.Amount, payment.OrderNumber, payment.Note, payment.RecordedBy, payment.RecordedAt, payment.IsCancelled, payment.CancelledAt);
    }
}

/// <summary>POST /api/invoices/{id}/payments answers with the payment and the invoice after it.</summary>
public sealed record PaymentAddedResponse(PaymentResponse Payment, InvoiceResponse Invoice);
