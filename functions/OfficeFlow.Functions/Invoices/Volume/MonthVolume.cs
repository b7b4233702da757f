using OfficeFlow.Functions.Invoices.Lifecycle;
using OfficeFlow.Functions.Invoices.Money;

namespace OfficeFlow.Functions.Invoices.Volume;

/// <summary>
/// The month's volume for the department head's pay (seed 003: "50% of the volume — subscriptions and one-off
/// work done and accepted in the month"). An invoice counts once, in the month of its acceptance date when the
/// work was accepted (signed act), otherwise in the month it became fully paid. Amounts are split by line kind;
/// <c>Net</c> excludes VAT (the firm's revenue), <c>Gross</c> includes it.
/// </summary>
public sealed record MonthVolume(
    int Year,
    int Month,
    decimal SubscriptionNet,
    decimal OneOffNet,
    decimal SubscriptionGross,
    decimal OneOffGross,
    IReadOnlyList<string> InvoiceIds)
{
    public decimal TotalNet => SubscriptionNet + OneOffNet;
    public decimal TotalGross => SubscriptionGross + OneOffGross;

    public static MonthVolume Compute(IEnumerable<Invoice> invoices, int year, int month)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        decimal subNet = 0, oneNet = 0, subGross = 0, oneGross = 0;
        var ids = new List<string>();
        foreach (var invoice in invoices)
        {
            if (invoice.Status == InvoiceStatus.Cancelled || CountsOn(invoice) is not DateOnly date || date.Year != year || date.Month != month)
            {
                continue;
            }

            ids.Add(invoice.Id);
            foreach (var line in invoice.Lines)
            {
                var amounts = InvoiceMath.Line(line, invoice.VatMode);
                if (line.Kind == LineKind.Subscription)
                {
                    subNet += amounts.Net;
                    subGross += amounts.Total;
                }
                else
                {
                    oneNet += amounts.Net;
                    oneGross += amounts.Total;
                }
            }
        }

        ids.Sort(StringComparer.Ordinal);
        return new MonthVolume(year, month, subNet, oneNet, subGross, oneGross, ids);
    }

    /// <summary>The day an invoice enters the volume: accepted, else fully paid; null while neither.</summary>
    public static DateOnly? CountsOn(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (invoice.AcceptedOn is DateOnly accepted)
        {
            return accepted;
        }

        return invoice.Status == InvoiceStatus.Paid ? invoice.PaidOn : null;
    }
}
