namespace OfficeFlow.Functions.Invoices.Aging;

/// <summary>Outstanding balances by how late they are, in roubles. "Current" is not yet due.</summary>
public sealed record AgingBuckets(decimal Current, decimal Days1To30, decimal Days31To60, decimal Days61To90, decimal Over90)
{
    public static readonly AgingBuckets Zero = new(0, 0, 0, 0, 0);

    public decimal Total => Current + Days1To30 + Days31To60 + Days61To90 + Over90;

    public decimal Overdue => Total - Current;

    public static AgingBuckets For(int daysOverdue, decimal balance) => daysOverdue switch
    {
        <= 0 => Zero with { Current = balance },
        <= 30 => Zero with { Days1To30 = balance },
        <= 60 => Zero with { Days31To60 = balance },
        <= 90 => Zero with { Days61To90 = balance },
        _ => Zero with { Over90 = balance },
    };

    public AgingBuckets Add(AgingBuckets other) => new(
        Current + other.Current,
        Days1To30 + other.Days1To30,
        Days31To60 + other.Days31To60,
        Days61To90 + other.Days61To90,
        Over90 + other.Over90);
}

/// <summary>One client's line of the aging report; <see cref="InvoiceCount"/> counts the invoices with a balance.</summary>
public sealed record AgingClientRow(string ClientId, string ClientName, AgingBuckets Buckets, int InvoiceCount);

/// <summary>The aging report as of a date: per client (by name), with the totals over all clients.
/// This is the record the grades workbook's Invoices sheet and the Excel add-in read.</summary>
public sealed record AgingReport(DateOnly AsOf, IReadOnlyList<AgingClientRow> Clients, AgingBuckets Totals);
