using System.ComponentModel.DataAnnotations;

namespace OfficeFlow.Functions.Invoices.Api;

/// <summary>POST /api/invoices. Dates are "YYYY-MM-DD". Give <see cref="DueDate"/> to fix the due date, or
/// <see cref="PaymentTermDays"/> (the client's payment terms) to count it from the issue date; neither means
/// <c>Invoices:DefaultPaymentTermDays</c>.</summary>
public sealed record CreateInvoiceRequest(
    // Defaults make the optional fields optional in openapi.json too (a constructor parameter without one is listed
    // as required); [Required] marks what the validator refuses to do without.
    [property: Required] string? ClientId = null,
    [property: Required] string? ClientName = null,
    string? ClientEmail = null,
    string? ContractId = null,
    string? DueDate = null,
    int? PaymentTermDays = null,
    string? Currency = null,
    string? VatMode = null,
    bool? DoNotRemind = null,
    string? AcceptedOn = null,
    [property: Required] IReadOnlyList<InvoiceLineRequest>? Lines = null);

/// <summary>One line: <see cref="VatRate"/> "22", "10", "0" or "без НДС" (default <c>Invoices:DefaultVatRate</c>);
/// <see cref="Kind"/> "oneOff" (default) or "subscription".</summary>
public sealed record InvoiceLineRequest(string? Item, decimal? Quantity, string? Unit, decimal? Price, string? VatRate, string? Kind);

/// <summary>POST /api/invoices/{id}/payments. <see cref="Date"/> defaults to today.</summary>
public sealed record AddPaymentRequest(string? Date = null, [property: Required] decimal? Amount = null, string? OrderNumber = null, string? Note = null);

/// <summary>POST /api/invoices/{id}/cancel.</summary>
public sealed record CancelInvoiceRequest(string? Reason);

/// <summary>PUT /api/invoices/{id}/reminders and PUT /api/invoices/clients/{clientId}/reminders.</summary>
public sealed record RemindersSettingRequest(bool? DoNotRemind);

/// <summary>POST /api/invoices/{id}/accepted: the day the client accepted the work (default today).</summary>
public sealed record AcceptRequest(string? AcceptedOn);
