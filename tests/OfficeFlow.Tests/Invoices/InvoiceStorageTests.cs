using OfficeFlow.Functions.Storage;
using NSubstitute;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Invoices.Api;
using OfficeFlow.Functions.Invoices.Lifecycle;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Invoices;

/// <summary>Invoices and payments on real Azurite tables, under concurrency.</summary>
public class InvoiceStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Create_TwentyAtOnce_NumbersAreOneToTwentyWithoutGapOrDuplicate()
    {
        using var harness = new InvoicesHarness(azurite);

        var invoices = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => harness.CreateAsync(100m + i))));

        Assert.Equal(Enumerable.Range(1, 20), invoices.Select(i => i.Number).Order());
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"2026-{n:0000}"), invoices.Select(i => i.Id).Order(StringComparer.Ordinal));
        var stored = await harness.Invoices.ListAsync(null, null, CancellationToken.None);
        Assert.Equal(invoices.Select(i => (i.Id, i.Total)).OrderBy(x => x.Id), stored.Select(i => (i.Id, i.Total)).OrderBy(x => x.Id));
    }

    [Fact]
    public async Task Create_SameRequestIdRepeatedConcurrently_MakesOneInvoiceAndUsesOneNumber()
    {
        using var harness = new InvoicesHarness(azurite);

        var repeats = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => harness.CreateAsync(500m, requestId: "req-42"))));
        var next = await harness.CreateAsync(600m);

        Assert.Single(repeats.Select(r => r.Id).Distinct());
        Assert.Equal(1, repeats[0].Number);
        Assert.Equal(2, next.Number);
    }

    [Fact]
    public async Task Payments_HundredAtOnce_NoneIsLostAndTheSumIsExact()
    {
        using var harness = new InvoicesHarness(azurite);
        // Amounts 0.01, 0.02 … 1.00 sum to exactly 50.50, the invoice total.
        var invoice = await harness.CreateIssuedAsync(50.50m);
        Task<(Invoice Invoice, Payment Payment, bool Created)> Pay(int k) => harness.Invoices.AddPaymentAsync(
            invoice.Id, new AddPaymentRequest(null, k / 100m, $"{k}", null), InvoicesHarness.Accountant, $"pay-{k}", CancellationToken.None);

        // A hundred writers on one row: each round one wins, and a writer gives up after the hot-row budget (a few seconds) with
        // the retryable 503, having written nothing. What the user does then, repeat the request, must record it exactly once.
        var firstWave = await Task.WhenAll(Enumerable.Range(1, 100).Select(k => Task.Run(async () =>
        {
            try
            {
                return (k, Created: (await Pay(k)).Created, GaveUp: false);
            }
            catch (ContentionExhaustedException)
            {
                return (k, Created: false, GaveUp: true);
            }
        })));
        foreach (var (k, _, _) in firstWave.Where(r => r.GaveUp))
        {
            Assert.True((await Pay(k)).Created, $"payment {k} gave up, yet its repeat found it recorded");
        }

        var (stored, payments) = await harness.Invoices.GetAsync(invoice.Id, CancellationToken.None);
        Assert.All(firstWave.Where(r => !r.GaveUp), r => Assert.True(r.Created));
        Assert.Equal(100, payments.Count);
        Assert.Equal(50.50m, payments.Sum(p => p.Amount));
        Assert.Equal((50.50m, 0m, InvoiceStatus.Paid), (stored.Paid, stored.Balance, stored.Status));
        await harness.Tasks.Received(100).RecordAsync(Arg.Is<TaskEvent>(e => e.TaskCode == "5.3"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Payment_Overpayment_IsRefusedAndNothingIsWritten()
    {
        using var harness = new InvoicesHarness(azurite);
        var invoice = await harness.CreateIssuedAsync(1000m);
        await harness.Invoices.AddPaymentAsync(invoice.Id, new AddPaymentRequest(null, 600m, "1", null), InvoicesHarness.Accountant, null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvoiceRuleException>(() => harness.Invoices.AddPaymentAsync(
            invoice.Id, new AddPaymentRequest(null, 400.01m, "2", null), InvoicesHarness.Accountant, null, CancellationToken.None));

        var (stored, payments) = await harness.Invoices.GetAsync(invoice.Id, CancellationToken.None);
        Assert.Equal("overpayment", error.Code);
        Assert.Contains("400,00 ₽", error.Message);
        Assert.Equal((600m, 1), (stored.Paid, payments.Count));
    }

    [Fact]
    public async Task Payment_SameRequestIdTwice_IsRecordedOnce()
    {
        using var harness = new InvoicesHarness(azurite);
        var invoice = await harness.CreateIssuedAsync(1000m);
        var request = new AddPaymentRequest("2026-11-02", 300m, "77", "первая часть");

        var first = await harness.Invoices.AddPaymentAsync(invoice.Id, request, InvoicesHarness.Accountant, "pay-req-1", CancellationToken.None);
        var second = await harness.Invoices.AddPaymentAsync(invoice.Id, request, InvoicesHarness.Accountant, "pay-req-1", CancellationToken.None);

        var (stored, payments) = await harness.Invoices.GetAsync(invoice.Id, CancellationToken.None);
        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Payment.Id, second.Payment.Id);
        Assert.Equal((300m, InvoiceStatus.PartlyPaid, 1), (stored.Paid, stored.Status, payments.Count));
    }

    [Fact]
    public async Task CancelPayment_RestoresTheBalanceAndThenTheInvoiceCanBeCancelled()
    {
        using var harness = new InvoicesHarness(azurite);
        var invoice = await harness.CreateIssuedAsync(1000m);
        var (_, payment, _) = await harness.Invoices.AddPaymentAsync(invoice.Id, new AddPaymentRequest(null, 1000m, "5", null), InvoicesHarness.Accountant, null, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<InvoiceRuleException>(() => harness.Invoices.CancelAsync(invoice.Id, "ошибка", CancellationToken.None));
        var (afterCancel, cancelledPayment) = await harness.Invoices.CancelPaymentAsync(invoice.Id, payment.Id, InvoicesHarness.Accountant, CancellationToken.None);
        var cancelled = await harness.Invoices.CancelAsync(invoice.Id, "ошибка", CancellationToken.None);

        Assert.Equal("has-payments", refused.Code);
        Assert.Equal((0m, InvoiceStatus.Issued), (afterCancel.Paid, afterCancel.Status));
        Assert.True(cancelledPayment.IsCancelled);
        Assert.Equal(InvoiceStatus.Cancelled, cancelled.Status);
        var (_, payments) = await harness.Invoices.GetAsync(invoice.Id, CancellationToken.None);
        Assert.True(Assert.Single(payments).IsCancelled);
    }

    [Fact]
    public async Task Issue_RecordsTask23OnceBySourceAndDueDateFollowsTheTerm()
    {
        using var harness = new InvoicesHarness(azurite);
        var draft = await harness.CreateAsync(1000m, termDays: 5);
        harness.Clock.Advance(TimeSpan.FromDays(3));

        var issued = await harness.Invoices.IssueAsync(draft.Id, InvoicesHarness.Manager, CancellationToken.None);

        Assert.Equal((new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 10)), (issued.IssueDate, issued.DueDate));
        await harness.Tasks.Received(1).RecordAsync(
            Arg.Is<TaskEvent>(e => e.TaskCode == "2.3" && e.SourceId == $"invoice-issue:{draft.Id}" && e.EmployeeId == "manager-1" && e.ClientId == "c1"),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Aging_FromStoredInvoicesAndPayments_PutsBalancesInBuckets()
    {
        using var harness = new InvoicesHarness(azurite);
        var early = await harness.CreateIssuedAsync(1000m, "c1", termDays: 0);   // due 2026-11-02
        await harness.Invoices.AddPaymentAsync(early.Id, new AddPaymentRequest(null, 250m, "1", null), InvoicesHarness.Accountant, null, CancellationToken.None);
        await harness.CreateIssuedAsync(400m, "c2", termDays: 30);               // due 2026-12-02

        var report = await harness.Invoices.AgingAsync(new DateOnly(2026, 12, 20), CancellationToken.None);

        Assert.Equal(750m, report.Clients.Single(c => c.ClientId == "c1").Buckets.Days31To60);
        Assert.Equal(400m, report.Clients.Single(c => c.ClientId == "c2").Buckets.Days1To30);
        Assert.Equal(1150m, report.Totals.Total);
    }

    [Fact]
    public async Task MonthVolume_CountsAcceptedAndFullyPaidInvoicesOfTheMonth()
    {
        using var harness = new InvoicesHarness(azurite);
        var accepted = await harness.CreateIssuedAsync(1220m, "c1");
        await harness.Invoices.AcceptAsync(accepted.Id, "2026-11-02", CancellationToken.None);
        var paid = await harness.CreateIssuedAsync(2440m, "c2");
        await harness.Invoices.AddPaymentAsync(paid.Id, new AddPaymentRequest(null, 2440m, "1", null), InvoicesHarness.Accountant, null, CancellationToken.None);
        await harness.CreateIssuedAsync(5000m, "c3");

        var volume = await harness.Invoices.MonthVolumeAsync(2026, 11, CancellationToken.None);

        Assert.Equal([accepted.Id, paid.Id], volume.InvoiceIds);
        Assert.Equal((3000m, 3660m), (volume.SubscriptionNet, volume.SubscriptionGross));
    }

    [Fact]
    public async Task Register_AtMonthEnd_ShowsWhatWasPaidAndOverdueThen()
    {
        using var harness = new InvoicesHarness(azurite);
        var invoice = await harness.CreateIssuedAsync(1000m, "c1", termDays: 10);   // due 2026-11-12
        harness.Clock.Set(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        await harness.Invoices.AddPaymentAsync(invoice.Id, new AddPaymentRequest("2026-11-20", 300m, "1", null), InvoicesHarness.Accountant, null, CancellationToken.None);
        await harness.CreateAsync(50m, "c2");                                        // a draft: not in the register
        var reports = new OfficeFlow.Functions.Invoices.InvoicesReports(harness.Invoices);

        var october = await reports.GetRegisterAsync(new DateOnly(2026, 10, 31));
        var november = await reports.GetRegisterAsync(new DateOnly(2026, 11, 30));

        Assert.Empty(october);
        var row = Assert.Single(november);
        Assert.Equal(("1", 1000m, 300m, 18, "оплачен частично"), (row.Number, row.Amount, row.Paid, row.DaysOverdue, row.Status));
    }
}
