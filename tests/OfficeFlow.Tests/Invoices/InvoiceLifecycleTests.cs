using OfficeFlow.Functions.Invoices.Lifecycle;

namespace OfficeFlow.Tests.Invoices;

public class InvoiceLifecycleTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 3);

    [Fact]
    public void Issue_Draft_BecomesIssuedDatedTodayWithDueDateFromTerm()
    {
        var issued = InvoiceLifecycle.Issue(InvoiceSamples.Draft() with { PaymentTermDays = 5 }, At, Today);

        Assert.Equal(InvoiceStatus.Issued, issued.Status);
        Assert.Equal(Today, issued.IssueDate);
        Assert.Equal(new DateOnly(2026, 11, 8), issued.DueDate);
    }

    [Fact]
    public void Issue_WithFixedDueDate_KeepsIt()
    {
        var issued = InvoiceLifecycle.Issue(InvoiceSamples.Draft(), At, Today);

        Assert.Equal(new DateOnly(2026, 11, 12), issued.DueDate);
    }

    [Fact]
    public void Issue_Twice_ChangesNothingTheSecondTime()
    {
        var once = InvoiceLifecycle.Issue(InvoiceSamples.Draft() with { PaymentTermDays = 5 }, At, Today);

        var twice = InvoiceLifecycle.Issue(once, At.AddDays(2), Today.AddDays(2));

        Assert.Same(once, twice);
    }

    [Fact]
    public void MarkSent_Draft_IsRefusedWithAMessageSayingIssueFirst()
    {
        var error = Assert.Throws<InvoiceRuleException>(() => InvoiceLifecycle.MarkSent(InvoiceSamples.Draft(), At));

        Assert.Equal(InvoiceRuleKind.NotAllowed, error.Kind);
        Assert.Equal("not-issued", error.Code);
        Assert.Contains("выставьте", error.Message);
    }

    [Fact]
    public void MarkSent_Issued_BecomesSent()
    {
        Assert.Equal(InvoiceStatus.Sent, InvoiceLifecycle.MarkSent(InvoiceSamples.Issued(), At).Status);
    }

    [Fact]
    public void AddPayment_Partial_ThenRest_GoesPartlyPaidThenPaidOnTheLastPaymentsDate()
    {
        var sent = InvoiceLifecycle.MarkSent(InvoiceSamples.Issued(1000m), At);

        var partly = InvoiceLifecycle.AddPayment(sent, InvoiceSamples.Pay(400m));
        var paid = InvoiceLifecycle.AddPayment(partly, InvoiceSamples.Pay(600m, new DateOnly(2026, 11, 20), "p2"));

        Assert.Equal((InvoiceStatus.PartlyPaid, 600m), (partly.Status, partly.Balance));
        Assert.Equal((InvoiceStatus.Paid, 0m), (paid.Status, paid.Balance));
        Assert.Equal(new DateOnly(2026, 11, 20), paid.PaidOn);
    }

    [Fact]
    public void AddPayment_MoreThanBalance_IsRefusedAsOverpaymentNamingTheBalance()
    {
        var partly = InvoiceLifecycle.AddPayment(InvoiceSamples.Issued(1000m), InvoiceSamples.Pay(999.99m));

        var error = Assert.Throws<InvoiceRuleException>(() => InvoiceLifecycle.AddPayment(partly, InvoiceSamples.Pay(0.02m, id: "p2")));

        Assert.Equal("overpayment", error.Code);
        Assert.Contains("0,01 ₽", error.Message);
        Assert.Contains("переплата", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("10.005")]
    public void AddPayment_BadAmount_IsInvalid(string amount)
    {
        var error = Assert.Throws<InvoiceRuleException>(() => InvoiceLifecycle.AddPayment(
            InvoiceSamples.Issued(),
            InvoiceSamples.Pay(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Equal(InvoiceRuleKind.Invalid, error.Kind);
    }

    [Fact]
    public void AddPayment_OnDraftOrCancelled_IsRefused()
    {
        var cancelled = InvoiceLifecycle.Cancel(InvoiceSamples.Issued(), At, "ошибка в реквизитах");

        Assert.Equal("not-issued", Assert.Throws<InvoiceRuleException>(() => InvoiceLifecycle.AddPayment(InvoiceSamples.Draft(), InvoiceSamples.Pay(1))).Code);
        Assert.Equal("cancelled", Assert.Throws<InvoiceRuleException>(() => InvoiceLifecycle.AddPayment(cancelled, InvoiceSamples.Pay(1))).Code);
    }

    [Fact]
    public void Cancel_WithLivePayments_IsRefused_AfterCancellingThePaymentItIsAllowed()
    {
        var payment = InvoiceSamples.Pay(1000m);
        var paid = InvoiceLifecycle.AddPayment(InvoiceSamples.Issued(1000m), payment);

        var error = Assert.Throws<InvoiceRuleException>(() => InvoiceLifecycle.Cancel(paid, At, null));
        var unpaid = InvoiceLifecycle.CancelPayment(paid, payment);
        var cancelled = InvoiceLifecycle.Cancel(unpaid, At, "  клиент отказался ");

        Assert.Equal("has-payments", error.Code);
        Assert.Equal(InvoiceStatus.Issued, unpaid.Status);
        Assert.Null(unpaid.PaidOn);
        Assert.Equal(InvoiceStatus.Cancelled, cancelled.Status);
        Assert.Equal("клиент отказался", cancelled.CancelReason);
    }

    [Fact]
    public void CancelPayment_OnPaidSentInvoice_GoesBackToPartlyPaid()
    {
        var sent = InvoiceLifecycle.MarkSent(InvoiceSamples.Issued(1000m), At);
        var first = InvoiceSamples.Pay(300m);
        var paid = InvoiceLifecycle.AddPayment(InvoiceLifecycle.AddPayment(sent, first), InvoiceSamples.Pay(700m, id: "p2"));

        var back = InvoiceLifecycle.CancelPayment(paid, first);

        Assert.Equal((InvoiceStatus.PartlyPaid, 300m), (back.Status, back.Balance));
    }

    [Fact]
    public void Issue_Cancelled_IsRefused()
    {
        var cancelled = InvoiceLifecycle.Cancel(InvoiceSamples.Draft(), At, null);

        Assert.Equal("cancelled", Assert.Throws<InvoiceRuleException>(() => InvoiceLifecycle.Issue(cancelled, At, Today)).Code);
        Assert.Equal("cancelled", Assert.Throws<InvoiceRuleException>(() => InvoiceLifecycle.MarkSent(cancelled, At)).Code);
    }

    [Fact]
    public void DaysOverdue_IsDerivedFromDueDateAndBalance()
    {
        var issued = InvoiceSamples.Issued(1000m, due: new DateOnly(2026, 11, 12));
        var paid = InvoiceLifecycle.AddPayment(issued, InvoiceSamples.Pay(1000m));

        Assert.Equal(0, issued.DaysOverdue(new DateOnly(2026, 11, 12)));
        Assert.Equal(1, issued.DaysOverdue(new DateOnly(2026, 11, 13)));
        Assert.Equal(30, issued.DaysOverdue(new DateOnly(2026, 12, 12)));
        Assert.True(issued.IsOverdue(new DateOnly(2026, 12, 12)));
        Assert.Equal(0, paid.DaysOverdue(new DateOnly(2026, 12, 12)));
        Assert.Equal(0, InvoiceSamples.Draft().DaysOverdue(new DateOnly(2026, 12, 12)));
    }

    [Fact]
    public void Accept_IssuedInvoice_RecordsTheDay_DraftAndFutureAreRefused()
    {
        var accepted = InvoiceLifecycle.Accept(InvoiceSamples.Issued(), Today, Today);

        Assert.Equal(Today, accepted.AcceptedOn);
        Assert.Equal("not-issued", Assert.Throws<InvoiceRuleException>(() => InvoiceLifecycle.Accept(InvoiceSamples.Draft(), Today, Today)).Code);
        Assert.Equal(InvoiceRuleKind.Invalid, Assert.Throws<InvoiceRuleException>(() => InvoiceLifecycle.Accept(InvoiceSamples.Issued(), Today.AddDays(1), Today)).Kind);
    }
}
