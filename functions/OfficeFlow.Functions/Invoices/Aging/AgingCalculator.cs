using OfficeFlow.Functions.Invoices.Lifecycle;

namespace OfficeFlow.Functions.Invoices.Aging;

/// <summary>
/// Builds the aging report as it stood on a date, from the invoices and their payments: an invoice counts
/// when it was issued on or before the date and not cancelled by then; its balance is its total minus the
/// live payments dated on or before the date; the bucket comes from the days between its due date and the date.
/// So a report for last month's end is the same whether it is run today or then.
/// </summary>
public static class AgingCalculator
{
    public static AgingReport Build(IEnumerable<(Invoice Invoice, IReadOnlyList<Payment> Payments)> invoices, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        var rows = new Dictionary<string, (string Name, AgingBuckets Buckets, int Count)>(StringComparer.Ordinal);
        foreach (var (invoice, payments) in invoices)
        {
            var balance = BalanceOn(invoice, payments, asOf);
            if (balance <= 0)
            {
                continue;
            }

            var daysOverdue = asOf.DayNumber - invoice.DueDate.DayNumber;
            var buckets = AgingBuckets.For(daysOverdue, balance);
            rows[invoice.ClientId] = rows.TryGetValue(invoice.ClientId, out var row)
                ? (row.Name, row.Buckets.Add(buckets), row.Count + 1)
                : (invoice.ClientName, buckets, 1);
        }

        var clients = rows
            .Select(r => new AgingClientRow(r.Key, r.Value.Name, r.Value.Buckets, r.Value.Count))
            .OrderBy(r => r.ClientName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(r => r.ClientId, StringComparer.Ordinal)
            .ToList();
        var totals = clients.Aggregate(AgingBuckets.Zero, (sum, r) => sum.Add(r.Buckets));
        return new AgingReport(asOf, clients, totals);
    }

    /// <summary>What the client owed on the invoice at the end of <paramref name="asOf"/>; 0 when it was not yet issued or already cancelled.</summary>
    public static decimal BalanceOn(Invoice invoice, IReadOnlyList<Payment> payments, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(payments);
        if (invoice.IssuedAt is null || invoice.IssueDate > asOf)
        {
            return 0;
        }

        if (invoice.CancelledAt is not null)
        {
            return 0;
        }

        var paid = payments.Where(p => !p.IsCancelled && p.Date <= asOf).Sum(p => p.Amount);
        return invoice.Total - paid;
    }
}
