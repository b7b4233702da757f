using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OfficeFlow.Functions.Invoices.Lifecycle;
using OfficeFlow.Functions.Invoices.Storage;
using OfficeFlow.Functions.Storage;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Invoices;

/// <summary>
/// A payment whose invoice some other writer keeps changing: the hot-row pipeline tries again for its time budget (a few
/// seconds, not 250 attempts), then the accountant gets the retryable Russian 503 with Retry-After, and nothing is written.
/// </summary>
public sealed class ContentionGiveUpTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>The real store, except that every payment loses its ETag race, as under a writer that never stops.</summary>
    private sealed class AlwaysOutracedStore(TableStore tables, ContentionRetry retry) : InvoiceStore(tables, retry)
    {
        public int PaymentAttempts;

        public override Task<bool> AddPaymentAsync(Invoice updated, ETag invoiceETag, Payment payment, CancellationToken ct)
        {
            Interlocked.Increment(ref PaymentAttempts);
            return Task.FromResult(false);
        }
    }

    [Fact]
    public async Task APaymentThatKeepsLosingTheRace_GivesUpWithinTheBudget_As503WithRetryAfter_AndWritesNothing()
    {
        AlwaysOutracedStore? store = null;
        using var app = new InvoicesApiFactory(azurite);
        app.WithServices(services =>
        {
            services.RemoveAll<InvoiceStore>();
            services.AddSingleton<InvoiceStore>(sp => store = new AlwaysOutracedStore(sp.GetRequiredService<TableStore>(), sp.GetRequiredService<ContentionRetry>()));
        });
        var manager = app.As("manager-1", "manager");
        var accountant = app.As("accountant-1", "accountant");
        var clientId = await TestClients.SeedAsync(app.Services);
        var created = await manager.PostAsJsonAsync("/api/invoices", new
        {
            clientId, clientName = "ООО «Ромашка»", clientEmail = "buh@romashka.ru", paymentTermDays = 5,
            lines = new object[] { new { item = "Сопровождение 1С, ноябрь", quantity = 1, unit = "мес", price = 12200.00m, vatRate = 22, kind = "subscription" } },
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.ToString();
        Assert.True((await manager.PostAsync($"/api/invoices/{id}/issue", null)).IsSuccessStatusCode);

        var watch = Stopwatch.StartNew();
        var response = await accountant.PostAsJsonAsync($"/api/invoices/{id}/payments", new { amount = 1000m, orderNumber = "77" });
        watch.Stop();

        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var invoice = (await manager.GetFromJsonAsync<JsonObject>($"/api/invoices/{id}"))!;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("5", response.Headers.RetryAfter!.ToString());
        Assert.StartsWith("Эту запись сейчас одновременно меняют другие запросы", problem["detail"]!.ToString());
        Assert.InRange(store!.PaymentAttempts, 5, 200);
        Assert.InRange(watch.Elapsed, ContentionRetry.HotRowBudget, ContentionRetry.HotRowBudget + TimeSpan.FromSeconds(3));
        Assert.Equal(0m, invoice["paid"]!.GetValue<decimal>());
    }
}
