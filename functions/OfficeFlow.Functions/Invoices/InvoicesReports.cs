using OfficeFlow.Functions.Grades.Workbook;
using OfficeFlow.Functions.Invoices.Aging;
using OfficeFlow.Functions.Invoices.Lifecycle;
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

    /// <summary>The invoice register as it stood at the end of <paramref name="asOf"/> (the grades workbook's
    /// Счета sheet): every invoice issued by then and not cancelled, with what was paid by then, its days
    /// overdue on that day and its status on that day.</summary>
    public async Task<IReadOnlyList<InvoiceRegisterRow>> GetRegisterAsync(DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var all = await invoices.ListWithPaymentsAsync(null, cancellationToken).ConfigureAwait(false);
        var rows = new List<InvoiceRegisterRow>();
        foreach (var (invoice, payments) in all)
        {
            if (invoice.IssuedAt is null || invoice.IssueDate > asOf || invoice.CancelledAt is not null)
            {
                continue;
            }

            var paid = payments.Where(p => !p.IsCancelled && p.Date <= asOf).Sum(p => p.Amount);
            var then = invoice with { Paid = paid, SentAt = invoice.SentAt is { } sent && DateOnly.FromDateTime(sent.UtcDateTime) <= asOf ? sent : null };
            rows.Add(new InvoiceRegisterRow(
                invoice.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                invoice.IssueDate,
                invoice.ClientName,
                invoice.Total,
                paid,
                invoice.DueDate,
                then.DaysOverdue(asOf),
                StatusText(then.Status)));
        }

        return rows.OrderBy(r => r.Date).ThenBy(r => r.Number.Length).ThenBy(r => r.Number, StringComparer.Ordinal).ToList();
    }

    /// <summary>The status as the Russian workbook prints it.</summary>
    public static string StatusText(InvoiceStatus status) => status.Label();

    /// <summary>The month's volume: invoices accepted (or, without an acceptance date, fully paid) in the month.</summary>
    public Task<MonthVolume> GetMonthVolumeAsync(int year, int month, CancellationToken cancellationToken = default) =>
        invoices.MonthVolumeAsync(year, month, cancellationToken);
}
