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
