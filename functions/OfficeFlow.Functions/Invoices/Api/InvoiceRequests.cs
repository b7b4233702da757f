using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using OfficeFlow.Functions.Invoices.Money;

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

/// <summary>One line: <see cref="VatRate"/> the number 22, 10 or 0, or null for «без НДС» (as a contract's vat_rate;
/// the strings "22", "22%", "без НДС" of older clients are read too); left out, <c>Invoices:DefaultVatRate</c>.
/// <see cref="Kind"/> "oneOff" (default) or "subscription".</summary>
public sealed record InvoiceLineRequest(
    [property: Required] string? Item = null,
    [property: Required] decimal? Quantity = null,
    string? Unit = null,
    [property: Required] decimal? Price = null,
    [property: JsonConverter(typeof(VatRateJsonConverter))]
    [property: Description("Ставка НДС: число 22, 10 или 0; null — без НДС; не указана — ставка по умолчанию. Строки \"22\", \"без НДС\" тоже принимаются.")]
    string? VatRate = null,
    string? Kind = null);

/// <summary>POST /api/invoices/{id}/payments. <see cref="Date"/> defaults to today.</summary>
public sealed record AddPaymentRequest(string? Date = null, [property: Required] decimal? Amount = null, string? OrderNumber = null, string? Note = null);

/// <summary>POST /api/invoices/{id}/cancel. The reason is optional (a default makes openapi.json say so).</summary>
public sealed record CancelInvoiceRequest(string? Reason = null);

/// <summary>PUT /api/invoices/{id}/reminders and PUT /api/invoices/clients/{clientId}/reminders.</summary>
public sealed record RemindersSettingRequest([property: Required] bool? DoNotRemind = null);

/// <summary>POST /api/invoices/{id}/accepted: the day the client accepted the work (default today).</summary>
public sealed record AcceptRequest(string? AcceptedOn = null);
