namespace OfficeFlow.Functions.Invoices.Lifecycle;

/// <summary>Where an invoice stands. Overdue is not a status: it is derived from the due date and the balance.</summary>
public enum InvoiceStatus
{
    Draft,
    Issued,
    Sent,
    PartlyPaid,
    Paid,
    Cancelled,
}

/// <summary>The two spellings of a status the API answers with, everywhere (invoice API, client card, Excel):
/// the machine name <c>partlyPaid</c> to compare and the Russian label «оплачен частично» to show.</summary>
public static class InvoiceStatuses
{
    public static string ApiName(this InvoiceStatus status)
    {
        var name = status.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static string Label(this InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft => "черновик",
        InvoiceStatus.Issued => "выставлен",
        InvoiceStatus.Sent => "отправлен",
        InvoiceStatus.PartlyPaid => "оплачен частично",
        InvoiceStatus.Paid => "оплачен",
        _ => "отменён",
    };
}
