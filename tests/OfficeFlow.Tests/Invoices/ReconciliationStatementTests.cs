using OfficeFlow.Functions.Invoices.Lifecycle;
using OfficeFlow.Functions.Invoices.Reconciliation;

namespace OfficeFlow.Tests.Invoices;

public class ReconciliationStatementTests
{
    private static (Invoice, IReadOnlyList<Payment>) Issued(int number, decimal amount, DateOnly issued, params Payment[] payments) =>
        (InvoiceSamples.Issued(amount) with { Id = $"2026-{number:0000}", Number = number, IssueDate = issued }, payments);

    [Fact]
    public void Build_GivesOpeningEntriesInDateOrderTurnoverAndClosing()
    {
        var invoices = new[]
        {
            Issued(1, 1000m, new DateOnly(2026, 9, 10), InvoiceSamples.Pay(400m, new DateOnly(2026, 9, 20))),
            Issued(7, 500m, new DateOnly(2026, 10, 15), InvoiceSamples.Pay(500m, new DateOnly(2026, 10, 15), "p7")),
            Issued(5, 300m, new DateOnly(2026, 10, 3), InvoiceSamples.Pay(250m, new DateOnly(2026, 10, 20), "p5")),
            Issued(9, 999m, new DateOnly(2026, 11, 2)),
        };

        var statement = ReconciliationStatement.Build("c1", "ООО Ромашка", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), invoices);

        Assert.Equal(600m, statement.Opening);
        Assert.Equal(
            ["Счёт № 5 от 03.10.2026", "Счёт № 7 от 15.10.2026", "Оплата (п/п № 123) от 15.10.2026 по счёту № 7", "Оплата (п/п № 123) от 20.10.2026 по счёту № 5"],
            statement.Entries.Select(e => e.Document));
        Assert.Equal((800m, 750m), (statement.DebitTurnover, statement.CreditTurnover));
        Assert.Equal(650m, statement.Closing);
    }

    [Fact]
    public void Build_LeavesOutOtherClientsDraftsCancelledInvoicesAndCancelledPayments()
    {
        var cancelledPayment = InvoiceSamples.Pay(100m, new DateOnly(2026, 10, 5)) with { CancelledAt = InvoiceSamples.Created };
        var invoices = new[]
        {
            Issued(1, 100m, new DateOnly(2026, 10, 1), cancelledPayment),
            (InvoiceSamples.Draft() with { IssueDate = new DateOnly(2026, 10, 2) }, (IReadOnlyList<Payment>)[]),
            (InvoiceSamples.Issued(200m) with { IssueDate = new DateOnly(2026, 10, 3), CancelledAt = InvoiceSamples.Created }, (IReadOnlyList<Payment>)[]),
            (InvoiceSamples.Issued(300m, clientId: "c2") with { IssueDate = new DateOnly(2026, 10, 4) }, (IReadOnlyList<Payment>)[]),
        };

        var statement = ReconciliationStatement.Build("c1", "ООО Ромашка", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), invoices);

        Assert.Equal(100m, Assert.Single(statement.Entries).Debit);
        Assert.Equal(100m, statement.Closing);
    }

    [Fact]
    public void Build_PeriodEndingBeforeItStarts_IsRefused()
    {
        var error = Assert.Throws<InvoiceRuleException>(() =>
            ReconciliationStatement.Build("c1", "А", new DateOnly(2026, 10, 31), new DateOnly(2026, 10, 1), []));

        Assert.Equal(InvoiceRuleKind.Invalid, error.Kind);
    }
}
