using OfficeFlow.Functions.Invoices.Aging;
using OfficeFlow.Functions.Invoices.Lifecycle;

namespace OfficeFlow.Tests.Invoices;

public class AgingCalculatorTests
{
    private static readonly DateOnly Due = new(2026, 9, 30);

    private static (Invoice, IReadOnlyList<Payment>) Open(decimal amount, string client, string name, DateOnly due, params Payment[] payments)
        => (InvoiceSamples.Issued(amount, client, name, due) with { IssueDate = due.AddDays(-10) }, payments);

    [Theory]
    [InlineData(0, "current")]
    [InlineData(1, "1-30")]
    [InlineData(30, "1-30")]
    [InlineData(31, "31-60")]
    [InlineData(60, "31-60")]
    [InlineData(61, "61-90")]
    [InlineData(90, "61-90")]
    [InlineData(91, "90+")]
    public void Build_PutsTheBalanceInTheBucketOfItsDaysOverdue(int daysAfterDue, string bucket)
    {
        var report = AgingCalculator.Build([Open(500m, "c1", "А", Due)], Due.AddDays(daysAfterDue));

        var b = Assert.Single(report.Clients).Buckets;
        var byName = new Dictionary<string, decimal>
        {
            ["current"] = b.Current, ["1-30"] = b.Days1To30, ["31-60"] = b.Days31To60, ["61-90"] = b.Days61To90, ["90+"] = b.Over90,
        };
        Assert.Equal(500m, byName[bucket]);
        Assert.Equal(500m, b.Total);
    }

    [Fact]
    public void Build_SumsPerClientAndOverall_CountingOnlyPaymentsUpToTheDate()
    {
        var asOf = new DateOnly(2026, 11, 15);
        var report = AgingCalculator.Build(
            [
                Open(1000m, "c1", "Бета", new DateOnly(2026, 11, 20), InvoiceSamples.Pay(200m, new DateOnly(2026, 11, 1))),
                Open(300m, "c1", "Бета", new DateOnly(2026, 10, 1), InvoiceSamples.Pay(300m, new DateOnly(2026, 11, 16))), // paid after asOf
                Open(700m, "c2", "Альфа", new DateOnly(2026, 7, 1)),
                Open(50m, "c2", "Альфа", new DateOnly(2026, 7, 1), InvoiceSamples.Pay(50m, new DateOnly(2026, 8, 1))), // fully paid
            ],
            asOf);

        Assert.Collection(
            report.Clients,
            a => Assert.Equal(("c2", 700m, 700m, 1), (a.ClientId, a.Buckets.Over90, a.Buckets.Total, a.InvoiceCount)),
            b => Assert.Equal(("c1", 800m, 300m, 1100m, 2), (b.ClientId, b.Buckets.Current, b.Buckets.Days31To60, b.Buckets.Total, b.InvoiceCount)));
        Assert.Equal(new AgingBuckets(800m, 0m, 300m, 0m, 700m), report.Totals);
        Assert.Equal(1800m, report.Totals.Total);
        Assert.Equal(1000m, report.Totals.Overdue);
    }

    [Fact]
    public void Build_LeavesOutDraftsCancelledPaymentsAndInvoicesIssuedAfterTheDate()
    {
        var draft = (InvoiceSamples.Draft(), (IReadOnlyList<Payment>)[]);
        var cancelledPayment = InvoiceSamples.Pay(1000m) with { CancelledAt = InvoiceSamples.Created };
        var later = (InvoiceSamples.Issued(10m) with { IssueDate = new DateOnly(2026, 12, 1) }, (IReadOnlyList<Payment>)[]);

        var report = AgingCalculator.Build([draft, Open(1000m, "c1", "А", Due, cancelledPayment), later], new DateOnly(2026, 11, 15));

        Assert.Equal(1000m, Assert.Single(report.Clients).Buckets.Days31To60);
    }
}
