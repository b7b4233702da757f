using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Contacts;
using OfficeFlow.Functions.Contacts.Logging;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Contacts;

/// <summary>The client card's open invoices (Invoices' IClientInvoices) through the real pipeline and Azurite.</summary>
public sealed class ClientCardInvoicesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    [Fact]
    public async Task Card_ShowsIssuedUnpaidInvoicesWithDaysOverdue_NotDraftsNorOtherClients()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        await using var host = new ContactsTestHost(azurite, services: s => s.AddSingleton<TimeProvider>(clock));
        using var http = host.CreateManagerClient();
        SignIn(http, clock);
        using var logged = await http.PostAsJsonAsync("/api/contacts/log-email",
            ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature), Json);
        Assert.True(logged.IsSuccessStatusCode, await logged.Content.ReadAsStringAsync());
        var clientId = (await logged.Content.ReadFromJsonAsync<LogEmailOutcome>(Json))!.Client!.Id;

        var issued = await CreateAsync(http, clientId, 1500m, issue: true);
        await CreateAsync(http, clientId, 700m, issue: false); // a draft is not owed
        var other = await TestClients.SeedAsync(host.Services, "ООО «Другой клиент»");
        await CreateAsync(http, other, 300m, issue: true); // another client's
        clock.Advance(TimeSpan.FromDays(12)); // 14 Nov: due date 7 Nov (5 days' term) passed 7 days ago
        SignIn(http, clock);

        var card = (await http.GetFromJsonAsync<JsonObject>($"/api/clients/{clientId}", Json))!;

        var open = Assert.Single(card["openInvoices"]!.AsArray())!;
        Assert.Equal(issued, open["id"]!.ToString());
        Assert.Equal(1500m, open["balance"]!.GetValue<decimal>());
        Assert.Equal(7, open["daysOverdue"]!.GetValue<int>());
        Assert.Equal("2026-11-07", open["dueDate"]!.ToString());
    }

    [Fact]
    public async Task Card_AndInvoiceApi_GiveTheSameNumberAndStatus_PlusTheRussianLabel()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        await using var host = new ContactsTestHost(azurite, services: s => s.AddSingleton<TimeProvider>(clock));
        using var http = host.CreateManagerClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            DevTokenIssuer.Issue(TestTokens.Key, new DevTokenRequest("m-1", [Roles.Manager, Roles.Accountant]), clock));
        var clientId = await TestClients.SeedAsync(host.Services);
        await CreateAsync(http, clientId, 100m, issue: true);
        var id = await CreateAsync(http, clientId, 1500m, issue: true);
        using var paid = await http.PostAsJsonAsync($"/api/invoices/{id}/payments", new { amount = 500m });
        Assert.True(paid.IsSuccessStatusCode, await paid.Content.ReadAsStringAsync());

        var fromApi = (await http.GetFromJsonAsync<JsonObject>($"/api/invoices/{id}", Json))!;
        var card = (await http.GetFromJsonAsync<JsonObject>($"/api/clients/{clientId}", Json))!;
        var fromCard = card["openInvoices"]!.AsArray().Single(i => i!["id"]!.ToString() == id)!;

        Assert.Equal(2, fromApi["number"]!.GetValue<int>());
        Assert.Equal(2, fromCard["number"]!.GetValue<int>());
        Assert.Equal("partlyPaid", fromApi["status"]!.ToString());
        Assert.Equal("partlyPaid", fromCard["status"]!.ToString());
        Assert.Equal("оплачен частично", fromApi["statusLabel"]!.ToString());
        Assert.Equal("оплачен частично", fromCard["statusLabel"]!.ToString());
        Assert.Equal(1000m, fromCard["balance"]!.GetValue<decimal>());
    }

    // The app checks token lifetimes on its (manual) clock: mint the token on the same clock.
    private static void SignIn(HttpClient http, TimeProvider clock) =>
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            DevTokenIssuer.Issue(TestTokens.Key, new DevTokenRequest("manager-1", [Roles.Manager]), clock));

    private static async Task<string> CreateAsync(HttpClient http, string clientId, decimal price, bool issue)
    {
        using var created = await http.PostAsJsonAsync("/api/invoices", new
        {
            clientId, clientName = "ООО «Ромашка»", paymentTermDays = 5, lines = new[] { new { item = "Сопровождение 1С", quantity = 1, price } },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        if (issue)
        {
            using var issued = await http.PostAsync($"/api/invoices/{id}/issue", null);
            Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());
        }

        return id;
    }
}
