using OfficeFlow.Functions.Invoices.Aging;
using OfficeFlow.Functions.Invoices.Volume;

namespace OfficeFlow.Functions.Invoices;

/// <summary>
/// What other capabilities read from invoices (the grades engineer's monthly workbook and the head's pay):
/// inject <see cref="InvoicesReports"/> and call <see cref="GetAgingAsync"/> for the Invoices sheet, or
/// <see cref="GetMonthVolumeAsync"/> for the month's volume split into subscription and one-off work.
/// </summary>
public sealed class InvoicesReports(InvoiceService invoices)
{
    /// <summary>Balances per client in buckets current, 1–30, 31–60, 61–90, 90+ days overdue as of the end of <paramref name="asOf"/>, with totals.</summary>
    public Task<AgingReport> GetAgingAsync(DateOnly asOf, CancellationToken cancellationToken = default) =>
        invoices.AgingAsync(asOf, cancellationToken);

    /// <summary>The month's volume: invoices accepted (or, without an acceptance date, fully paid) in the month.</summary>
    public Task<MonthVolume> GetMonthVolumeAsync(int year, int month, CancellationToken cancellationToken = default) =>
        invoices.MonthVolumeAsync(year, month, cancellationToken);
}
