using System.Net.Http.Json;
using System.Text.Json;
using NSubstitute;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Invoices;

/// <summary>The InvoiceReminders timer in the real app, sending through the app's Graph mail sender and the real
/// Graph SDK to the loopback Graph stub.</summary>
public sealed class InvoiceRemindersGraphTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string SendMail = "/v1.0/users/{mailbox}/sendMail";

    [Fact]
    public async Task Timer_GraphAnswers429Once_TheSdkRetriesAfterRetryAfter_AndExactlyOneMailGoesOut()
    {
        await using var stub = await GraphStub.StartAsync();
        stub.OnJson("POST", SendMail, 202);
        stub.ThrottleOnce("POST", SendMail, retryAfterSeconds: 1);
        using var app = new InvoicesApiFactory(azurite, stub);
        var manager = app.As("manager-1", "manager");
        var created = await (await manager.PostInvoiceAsync(app.Services, new
        {
            clientId = "cl0c1",
            clientName = "ООО «Ромашка»",
            clientEmail = "buh@romashka.example",
            paymentTermDays = 0,
            lines = new[] { new { item = "Сопровождение 1С", quantity = 1, price = 12200.00m } },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();
        (await manager.PostAsync($"/api/invoices/{id}/issue", null)).EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromDays(1));
        var first = await app.RunTimerAsync("InvoiceReminders");

        Assert.True(first.Succeeded, string.Join("\n", first.Logs));

        var requests = stub.RequestsTo("POST", SendMail);
        Assert.Equal([429, 202], requests.Select(r => r.Status));
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(950), "the SDK did not wait for Retry-After");
        var message = requests[1].Json().EnumerateObject().Single(p => string.Equals(p.Name, "message", StringComparison.OrdinalIgnoreCase)).Value;
        Assert.Equal("buh@romashka.example", message.GetProperty("toRecipients")[0].GetProperty("emailAddress").GetProperty("address").GetString());
        Assert.Contains($"Счёт № 1 от 02.11.2026", message.GetProperty("subject").GetString());
        Assert.Contains("12 200,00 ₽", message.GetProperty("body").GetProperty("content").GetString());
        await app.Tasks.Received(1).RecordAsync(Arg.Is<TaskEvent>(e => e.TaskCode == "2.7" && e.SourceId == $"invoice-reminder:{id}:after1"), Arg.Any<CancellationToken>());

        var second = await app.RunTimerAsync("InvoiceReminders");

        Assert.True(second.Succeeded, string.Join("\n", second.Logs));
        Assert.Single(stub.RequestsTo("POST", SendMail), r => r.Status == 202);
    }
}
