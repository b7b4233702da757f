namespace OfficeFlow.Functions.Invoices.Api;

/// <summary>POST /api/invoices. Dates are "YYYY-MM-DD". Give <see cref="DueDate"/> to fix the due date, or
/// <see cref="PaymentTermDays"/> (the client's payment terms) to count it from the issue date; neither means
/// <c>Invoices:DefaultPaymentTermDays</c>.</summary>
public sealed record CreateInvoiceRequest(
    string? ClientId,
    string? ClientName,
    string? ClientEmail,
    string? ContractId,
    string? DueDate,
    int? PaymentTermDays,
    string? Currency,
    string? VatMode,
    bool? DoNotRemind,
    string? AcceptedOn,
    IReadOnlyList<InvoiceLineRequest>? Lines);

/// <summary>One line: <see cref="VatRate"/> "22", "10", "0" or "без НДС" (default <c>Invoices:DefaultVatRate</c>);
/// <see cref="Kind"/> "oneOff" (default) or "subscription".</summary>
public sealed record InvoiceLineRequest(string? Item, decimal? Quantity, string? Unit, decimal? Price, string? VatRate, string? Kind);

/// <summary>POST /api/invoices/{id}/payments. <see cref="Date"/> defaults to today.</summary>
public sealed record AddPaymentRequest(string? Date, decimal? Amount, string? OrderNumber, string? Note);

/// <summary>POST /api/invoices/{id}/cancel.</summary>
public sealed record CancelInvoiceRequest(string? Reason);

/// <summary>PUT /api/invoices/{id}/reminders and PUT /api/invoices/clients/{clientId}/reminders.</summary>
public sealed record RemindersSettingRequest(bool? DoNotRemind);

/// <summary>POST /api/invoices/{id}/accepted: the day the client accepted the work (default today).</summary>
public sealed record AcceptRequest(string? AcceptedOn);
