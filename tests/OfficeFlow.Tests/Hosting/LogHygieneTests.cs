using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Contacts.Logging;
using OfficeFlow.Tests.Contacts;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Hosting;

/// <summary>
/// What the app tells its operators and its callers about the people it handles: the logs of a whole day's work carry
/// ids, never an e-mail address or a phone number, and no answer shows a path on the server.
/// </summary>
public sealed partial class LogHygieneTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string Templates = Path.Combine(AppContext.BaseDirectory, "Contracts", "Templates");

    [Fact]
    public async Task AFullFlow_LogsNoEMailAddressOrPhoneNumber_AndAnswersNoServerPath()
    {
        var logs = new CapturedLogs();
        var dataFolder = Directory.CreateTempSubdirectory("officeflow-hygiene-");
        using var factory = new OfficeFlowApiFactory().WithSettings(TestTokens.Settings)
            .WithSetting("Storage:ConnectionString", azurite.ConnectionString)
            .WithSetting("Local:DataFolder", dataFolder.FullName)
            .WithSetting("Contacts:OwnDomains", "bizsoft-firm.ru")
            .WithCapturedLogs(logs);
        var supplier = JsonNode.Parse(File.ReadAllText(Path.Combine(Templates, "service-maintenance.sample.json")))!["supplier"]!.AsObject();
        // The firm's requisites are read when services are registered: host settings, as the contracts tests give them.
        using var app = factory.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in supplier)
            {
                builder.UseSetting($"Firm:{key}", value!.ToString());
            }
        });

        var http = app.CreateClient().WithToken("manager-1", Roles.Manager, Roles.Accountant);

        // 1. Log an e-mail whose signature holds a phone number: a client and a contact are created.
        var logged = await http.PostAsJsonAsync("/api/contacts/log-email",
            ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature), JsonSerializerOptions.Web);
        Assert.True(logged.StatusCode == HttpStatusCode.OK, await logged.Content.ReadAsStringAsync());
        var clientId = (await logged.Content.ReadFromJsonAsync<LogEmailOutcome>(JsonSerializerOptions.Web))!.Client!.Id;

        // 2. A contract for that client, archived to the local documents folder.
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(Templates, "license.sample.json")))!.AsObject();
        var fields = sample.DeepClone().AsObject();
        foreach (var key in new[] { "number", "date", "supplier", "client", "total" })
        {
            fields.Remove(key);
        }

        var client = sample["client"]!.DeepClone().AsObject();
        client["email"] = "director@romashka.ru";
        var contract = await http.PostAsync("/api/contracts", JsonContent.Create(new JsonObject { ["templateId"] = "license", ["clientId"] = clientId, ["client"] = client, ["fields"] = fields }));
        Assert.True(contract.StatusCode == HttpStatusCode.OK, await contract.Content.ReadAsStringAsync());
        var archive = Uri.UnescapeDataString(Assert.Single(contract.Headers.GetValues("X-Contract-Archive")));

        // 3. An invoice to the client's accountant, issued, and 4. its payment.
        var created = await http.PostAsJsonAsync("/api/invoices", new
        {
            clientId, clientName = "ООО «Ромашка»", clientEmail = "buh@romashka.ru",
            lines = new[] { new { item = "Лицензия", quantity = 1, price = 12000m } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var invoiceId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/api/invoices/{invoiceId}/issue", null)).StatusCode);
        var paid = await http.PostAsJsonAsync($"/api/invoices/{invoiceId}/payments", new { amount = 12000m, orderNumber = "314" });
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);

        // The client's card shows the contract's archive location as the add-in reads it.
        var card = await http.GetStringAsync($"/api/clients/{clientId}");

        Assert.False(Path.IsPathRooted(archive), archive);
        Assert.StartsWith("Contracts/", archive);
        Assert.DoesNotContain(dataFolder.FullName, card);
        Assert.DoesNotContain(dataFolder.FullName, archive);

        var lines = logs.Lines;
        Assert.NotEmpty(lines);
        var leaks = lines.Where(l => EMail().IsMatch(l.AllText) || Digits(l.AllText).Contains("4951234567", StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "Personal data in the logs:\n" + string.Join('\n', leaks.Select(l => l + "\n  " + l.AllText)));
    }

    private static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EMail();
}
