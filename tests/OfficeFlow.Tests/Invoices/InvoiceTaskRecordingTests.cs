using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Grades.Computation;
using OfficeFlow.Functions.Grades.Ledger;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Invoices;

/// <summary>
/// A ledger that fails once while an invoice is issued (issue 14): the request fails with the Russian 503 and
/// Retry-After, not a silent 200 with the task lost, and its retry puts exactly one entry into the real ledger.
/// </summary>
public sealed class InvoiceTaskRecordingTests : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly InvoicesApiFactory _app;

    public InvoiceTaskRecordingTests(AzuriteFixture azurite) => _app = new InvoicesApiFactory(azurite);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task IssueWhileTheLedgerFailsOnce_Answers503_AndTheRetryRecordsOneEntry()
    {
        var manager = _app.As("manager-1", "manager");
        var ledger = _app.Services.GetRequiredService<LedgerStore>();
        var real = new TableTaskRecorder(ledger, NullLogger<TableTaskRecorder>.Instance);
        var failures = 0;
        // The narrow seam: the first record fails as a storage that does not answer would; later ones reach the real ledger.
        _app.Tasks.RecordAsync(Arg.Any<TaskEvent>(), Arg.Any<CancellationToken>()).Returns(call =>
            Interlocked.Increment(ref failures) == 1
                ? Task.FromException(new RequestFailedException(0, "Connection refused (127.0.0.1:10002)"))
                : real.RecordAsync(call.Arg<TaskEvent>(), call.Arg<CancellationToken>()));
        var clientId = await TestClients.SeedAsync(_app.Services);
        var created = await manager.PostAsJsonAsync("/api/invoices", new
        {
            clientId, clientName = "ООО «Ромашка»", paymentTermDays = 5,
            lines = new[] { new { item = "Сопровождение 1С, ноябрь", quantity = 1, unit = "мес", price = 12200.00m, vatRate = 22, kind = "subscription" } },
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        using var failed = await manager.PostAsync($"/api/invoices/{id}/issue", null);
        using var retried = await manager.PostAsync($"/api/invoices/{id}/issue", null);
        using var again = await manager.PostAsync($"/api/invoices/{id}/issue", null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.NotNull(failed.Headers.RetryAfter);
        var problem = await failed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Хранилище данных недоступно", problem.GetProperty("title").GetString());
        Assert.Contains("Повторите", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var month = GradesMonth.Of(_app.Clock.GetUtcNow(), ledger.Zone);
        var entry = Assert.Single(await ledger.ReadMonthAsync(month), e => e.SourceId == $"invoice-issue:{id}");
        Assert.Equal(("2.3", "manager-1"), (entry.TaskCode, entry.EmployeeId));
        Assert.Single(await ledger.ReadMonthAsync(month));
    }

    [Fact]
    public async Task PaymentWhileTheLedgerFailsOnce_Answers503_AndItsRepeatWithTheSameKeyRecordsOne53()
    {
        var manager = _app.As("manager-1", "manager");
        var accountant = _app.As("accountant-1", "accountant");
        var ledger = _app.Services.GetRequiredService<LedgerStore>();
        var real = new TableTaskRecorder(ledger, NullLogger<TableTaskRecorder>.Instance);
        var clientId = await TestClients.SeedAsync(_app.Services);
        var created = await manager.PostAsJsonAsync("/api/invoices", new
        {
            clientId, clientName = "ООО «Ромашка»", paymentTermDays = 5,
            lines = new[] { new { item = "Сопровождение 1С, ноябрь", quantity = 1, unit = "мес", price = 12200.00m, vatRate = 22, kind = "subscription" } },
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        _app.Tasks.RecordAsync(Arg.Any<TaskEvent>(), Arg.Any<CancellationToken>()).Returns(call => real.RecordAsync(call.Arg<TaskEvent>(), call.Arg<CancellationToken>()));
        Assert.True((await manager.PostAsync($"/api/invoices/{id}/issue", null)).IsSuccessStatusCode);
        var failures = 0;
        // The payment row is stored, then the ledger fails: the repeat with the same key finds the payment and must
        // complete its task 5.3 (before, it answered with the stored payment and 5.3 was lost).
        _app.Tasks.RecordAsync(Arg.Any<TaskEvent>(), Arg.Any<CancellationToken>()).Returns(call =>
            Interlocked.Increment(ref failures) == 1
                ? Task.FromException(new RequestFailedException(0, "Connection refused (127.0.0.1:10002)"))
                : real.RecordAsync(call.Arg<TaskEvent>(), call.Arg<CancellationToken>()));

        using var failed = await PayAsync(accountant, id, "pay-1");
        using var repeated = await PayAsync(accountant, id, "pay-1");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.True(repeated.IsSuccessStatusCode, await repeated.Content.ReadAsStringAsync());
        var month = GradesMonth.Of(_app.Clock.GetUtcNow(), ledger.Zone);
        var payment = Assert.Single(await ledger.ReadMonthAsync(month), e => e.TaskCode == "5.3");
        Assert.Equal("accountant-1", payment.EmployeeId);
        var invoice = await accountant.GetFromJsonAsync<JsonElement>($"/api/invoices/{id}");
        Assert.Equal(1000m, invoice.GetProperty("paid").GetDecimal());
    }

    private static Task<HttpResponseMessage> PayAsync(HttpClient http, string id, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/invoices/{id}/payments") { Content = JsonContent.Create(new { amount = 1000m, orderNumber = "77" }) };
        request.Headers.Add("Idempotency-Key", key);
        return http.SendAsync(request);
    }
}
