using NSubstitute;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Graph;
using OfficeFlow.Functions.Invoices.Api;
using OfficeFlow.Functions.Invoices.Reminders;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Invoices;

/// <summary>The overdue-reminder timer's work on real Azurite tables with a substitute mail sender.</summary>
public class ReminderRunnerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset NineMoscow = new(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Run_TwiceInParallel_SendsEachDueReminderExactlyOnce()
    {
        using var harness = new InvoicesHarness(azurite);
        var overdue = await harness.CreateIssuedAsync(1000m, "c1", termDays: 0);         // due today
        var otherOverdue = await harness.CreateIssuedAsync(2000m, "c2", termDays: 0);
        var dueLater = await harness.CreateIssuedAsync(3000m, "c3", termDays: 30);
        harness.Clock.Set(NineMoscow.AddDays(1));                                       // step +1 for the first two

        var runs = await Task.WhenAll(Task.Run(() => harness.Reminders.RunAsync(CancellationToken.None)), Task.Run(() => harness.Reminders.RunAsync(CancellationToken.None)));

        Assert.Equal(2, runs.Sum(r => r.Sent));
        Assert.Equal(2, runs.Sum(r => r.AlreadyClaimed));
        await harness.Mail.Received(1).SendAsync(Arg.Is<OutgoingMail>(m => m.IdempotencyKey == $"invoice-reminder:{overdue.Id}:after1"), Arg.Any<CancellationToken>());
        await harness.Mail.Received(1).SendAsync(Arg.Is<OutgoingMail>(m => m.IdempotencyKey == $"invoice-reminder:{otherOverdue.Id}:after1"), Arg.Any<CancellationToken>());
        await harness.Mail.DidNotReceive().SendAsync(Arg.Is<OutgoingMail>(m => m.IdempotencyKey.Contains(dueLater.Id)), Arg.Any<CancellationToken>());
        await harness.Tasks.Received(2).RecordAsync(Arg.Is<TaskEvent>(e => e.TaskCode == "2.7" && e.EmployeeId == "manager-1"), Arg.Any<CancellationToken>());
        var marker = Assert.Single(await harness.Markers.ListAsync(overdue.Id, CancellationToken.None));
        Assert.Equal(ReminderState.Sent, marker.State);
    }

    [Fact]
    public async Task Run_AcrossTheSchedule_SendsEachStepOnceWithRussianDetails()
    {
        using var harness = new InvoicesHarness(azurite, null, ("Firm:name", "ООО «Бухсофт-Сервис»"));
        var invoice = await harness.CreateIssuedAsync(1220m, "c1", termDays: 10);        // due 2026-11-12
        var sent = new List<OutgoingMail>();
        await harness.Mail.SendAsync(Arg.Do<OutgoingMail>(sent.Add), Arg.Any<CancellationToken>());

        foreach (var day in Enumerable.Range(0, 30))
        {
            harness.Clock.Set(NineMoscow.AddDays(day));
            await harness.Reminders.RunAsync(CancellationToken.None);
        }

        Assert.Equal(["before3", "after1", "after7", "after14"], sent.Select(m => m.IdempotencyKey.Split(':')[^1]));
        Assert.All(sent, m => Assert.Equal(["buh@romashka.ru"], m.To));
        Assert.Contains("счёта № 1 от 02.11.2026", sent[1].HtmlBody);
        Assert.Contains("1 220,00 ₽", sent[1].HtmlBody);
        Assert.Contains("просрочка 14 дн.", sent[3].Subject);
        // Signed by the firm's one record, not by the product's name.
        Assert.All(sent, m => Assert.Contains("С уважением,<br/>ООО «Бухсофт-Сервис»", System.Net.WebUtility.HtmlDecode(m.HtmlBody)));
        Assert.All(sent, m => Assert.DoesNotContain("OfficeFlow", m.HtmlBody));
    }

    [Fact]
    public async Task Run_DoNotRemindOnClientOrInvoice_AndPaidInvoices_GetNoMail()
    {
        using var harness = new InvoicesHarness(azurite);
        var quietClient = await harness.CreateIssuedAsync(100m, "quiet", termDays: 0);
        var quietInvoice = await harness.CreateIssuedAsync(100m, "c2", termDays: 0);
        var paid = await harness.CreateIssuedAsync(100m, "c3", termDays: 0);
        var noEmail = await harness.CreateIssuedAsync(100m, "c4", email: null, termDays: 0);
        await harness.Invoices.SetClientDoNotRemindAsync("quiet", true, CancellationToken.None);
        await harness.Invoices.SetDoNotRemindAsync(quietInvoice.Id, true, CancellationToken.None);
        await harness.Invoices.AddPaymentAsync(paid.Id, new AddPaymentRequest(null, 100m, "1", null), InvoicesHarness.Accountant, null, CancellationToken.None);
        harness.Clock.Set(NineMoscow.AddDays(3));

        var result = await harness.Reminders.RunAsync(CancellationToken.None);

        Assert.Equal(new ReminderRunResult(0, 0, 0), result);
        await harness.Mail.DidNotReceiveWithAnyArgs().SendAsync(default!, default);
        Assert.NotNull(quietClient);
        Assert.NotNull(noEmail);
    }

    [Fact]
    public async Task Run_FailedSend_IsRecordedAndRetriedByTheNextRunOnly()
    {
        using var harness = new InvoicesHarness(azurite);
        var invoice = await harness.CreateIssuedAsync(100m, "c1", termDays: 0);
        harness.Clock.Set(NineMoscow.AddDays(1));
        harness.Mail.SendAsync(default!, default).ReturnsForAnyArgs(
            _ => throw new HttpRequestException("mailbox unreachable"),
            _ => Task.CompletedTask);

        var first = await harness.Reminders.RunAsync(CancellationToken.None);
        var failedMarker = Assert.Single(await harness.Markers.ListAsync(invoice.Id, CancellationToken.None));
        var second = await harness.Reminders.RunAsync(CancellationToken.None);
        var third = await harness.Reminders.RunAsync(CancellationToken.None);

        Assert.Equal((ReminderState.Failed, "HttpRequestException"), (failedMarker.State, failedMarker.Failure));
        Assert.Equal(new ReminderRunResult(0, 0, 1), first);
        Assert.Equal(new ReminderRunResult(1, 0, 0), second);
        Assert.Equal(new ReminderRunResult(0, 1, 0), third);
        await harness.Tasks.Received(1).RecordAsync(Arg.Is<TaskEvent>(e => e.TaskCode == "2.7"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Run_LedgerFailsAfterTheMailWentOut_TheNextRunRecordsTask27_WithoutSendingAgain()
    {
        using var harness = new InvoicesHarness(azurite);
        var invoice = await harness.CreateIssuedAsync(100m, "c1", termDays: 0);
        var sentAt = NineMoscow.AddDays(1);
        harness.Clock.Set(sentAt);
        harness.Tasks.RecordAsync(default!, default).ReturnsForAnyArgs(
            _ => throw new Azure.RequestFailedException(0, "Connection refused (127.0.0.1:10002)"),
            _ => Task.CompletedTask);

        var first = await harness.Reminders.RunAsync(CancellationToken.None);
        var owed = Assert.Single(await harness.Markers.ListAsync(invoice.Id, CancellationToken.None));
        harness.Clock.Set(sentAt.AddDays(1));
        var second = await harness.Reminders.RunAsync(CancellationToken.None);
        var third = await harness.Reminders.RunAsync(CancellationToken.None);

        Assert.Equal(new ReminderRunResult(1, 0, 0), first);
        Assert.Equal((ReminderState.Sent, (bool?)false), (owed.State, owed.TaskRecorded));
        Assert.Equal(new ReminderRunResult(0, 1, 0), second);
        Assert.Equal(new ReminderRunResult(0, 1, 0), third);
        await harness.Mail.ReceivedWithAnyArgs(1).SendAsync(default!, default);
        // The failed call, then the next run's one, at the time of the send (its month), and none by the third run.
        await harness.Tasks.Received(2).RecordAsync(Arg.Is<TaskEvent>(e => e.TaskCode == "2.7"), Arg.Any<CancellationToken>());
        await harness.Tasks.Received(2).RecordAsync(Arg.Is<TaskEvent>(e => e.TaskCode == "2.7" && e.At == sentAt && e.SourceId == $"invoice-reminder:{invoice.Id}:after1"), Arg.Any<CancellationToken>());
        Assert.True(Assert.Single(await harness.Markers.ListAsync(invoice.Id, CancellationToken.None)).TaskRecorded);
    }
}
