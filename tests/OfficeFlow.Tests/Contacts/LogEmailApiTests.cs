using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OfficeFlow.Functions.Contacts;
using OfficeFlow.Functions.Contacts.Cards.Heads;
using OfficeFlow.Functions.Contacts.Logging;
using OfficeFlow.Functions.Contacts.Matching;
using OfficeFlow.Functions.Contacts.Records;
using OfficeFlow.Functions.Storage;
using Azure.Data.Tables;
using OfficeFlow.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace OfficeFlow.Tests.Contacts;

public sealed class LogEmailApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    [Fact]
    public async Task LogEmail_SignatureNamesANewCompany_CreatesClientContactInteractionAndTasks()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();

        var response = await http.PostAsJsonAsync("/api/contacts/log-email", ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = (await response.Content.ReadFromJsonAsync<LogEmailOutcome>(Json))!;
        Assert.Equal(LogEmailStatus.Logged, outcome.Status);
        Assert.Equal("created", outcome.MatchedBy);
        Assert.True(outcome.ClientCreated);
        Assert.Equal("ООО «Ромашка»", outcome.Client!.DisplayName);
        Assert.Equal("7707083893", outcome.Client.Inn);
        Assert.Equal(["romashka.ru"], outcome.Client.Domains);
        var contact = Assert.Single(outcome.Client.Contacts);
        Assert.Equal("Иван Петров", contact.Name);
        Assert.Equal("Менеджер по закупкам", contact.Position);
        Assert.Equal(["+74951234567;ext=215"], contact.Phones);
        var interaction = Assert.Single(outcome.Client.Interactions);
        Assert.Equal("in", interaction.Direction);
        Assert.Equal("Счёт на продление", interaction.Subject);
        Assert.StartsWith("Добрый день! Просим выставить счёт", interaction.Snippet);
        Assert.Equal("manager-1", interaction.LoggedBy);
        Assert.Contains(host.Tasks.Recorded, t => t is { TaskCode: "5.5", EmployeeId: "manager-1" } && t.ClientId == outcome.Client.Id);
        Assert.Contains(host.Tasks.Recorded, t => t.TaskCode == "5.4" && t.SourceId == "client:" + outcome.Client.Id);
    }

    [Fact]
    public async Task LogEmail_TwentyIdenticalConcurrentRequests_StoreOneInteraction()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();
        var request = ContactsEmails.FromClient("o.smirnova@tehnoresurs.ru", "Ольга Смирнова", "Ольга Смирнова\nГлавный бухгалтер\nАО «Техноресурс»");
        var body = JsonSerializer.Serialize(request, Json);

        using var start = new SemaphoreSlim(0);
        var calls = Enumerable.Range(0, 20).Select(async _ =>
        {
            await start.WaitAsync();
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("/api/contacts/log-email", content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<LogEmailOutcome>(Json))!;
        }).ToList();
        start.Release(20);
        var outcomes = await Task.WhenAll(calls);

        Assert.Single(outcomes, o => o.Status == LogEmailStatus.Logged);
        Assert.Equal(19, outcomes.Count(o => o.Status == LogEmailStatus.AlreadyLogged));
        var interactionIds = outcomes.Select(o => o.Interaction!.Id).Distinct().ToList();
        Assert.Single(interactionIds);
        Assert.Single(await StoredInteractionsAsync(host));
        Assert.Single(await StoredAsync<ClientEntity>(host, "Clients"));
        // Repeats of the same user's message record 5.5 again (finishing what a failed request may have left); the ledger counts it once.
        Assert.Single(host.Tasks.EntriesFor("5.5"));
        Assert.Single(host.Tasks.EntriesFor("5.4"));
    }

    [Fact]
    public async Task LogEmail_SameMessageAgainLater_ReturnsTheExistingInteraction()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();
        var request = ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature);

        var first = await PostAsync(http, request);
        var second = await PostAsync(http, request);

        Assert.Equal(LogEmailStatus.AlreadyLogged, second.Status);
        Assert.Equal(first.Interaction!.Id, second.Interaction!.Id);
        Assert.Equal(first.Client!.Id, second.Client!.Id);
        Assert.Contains("уже записано", second.Reason);
        Assert.Single(await StoredInteractionsAsync(host));
    }

    [Fact]
    public async Task LogEmail_MatchingRules_DomainThenInnThenKnownContact()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();
        var created = await PostAsync(http, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature));

        var byDomain = await PostAsync(http, ContactsEmails.FromClient("buh@romashka.ru", "Бухгалтерия", "Анна Сергеева\nбухгалтер"));
        var byInn = await PostAsync(http, ContactsEmails.FromClient("director.romashka@mail.ru", "Пётр Иванов", "Пётр Иванов\nГенеральный директор\nООО «Ромашка»\nИНН 7707083893"));
        var byContact = await PostAsync(http, ContactsEmails.FromClient("director.romashka@mail.ru", "Пётр Иванов", "Пётр"));
        var stranger = await PostAsync(http, ContactsEmails.FromClient("someone@gmail.com", "Someone", "Someone"));

        Assert.Equal(("domain", created.Client!.Id), (byDomain.MatchedBy, byDomain.Client!.Id));
        Assert.Equal(("inn", created.Client.Id), (byInn.MatchedBy, byInn.Client!.Id));
        Assert.Equal(("contactEmail", created.Client.Id), (byContact.MatchedBy, byContact.Client!.Id));
        Assert.Equal("none", stranger.MatchedBy);
        Assert.Null(stranger.Client);
        Assert.Null(stranger.Contact!.ClientId);
        // The free-mail domain never became a client's domain.
        Assert.Equal(["romashka.ru"], byContact.Client!.Domains);
        Assert.Equal(3, byContact.Client.Contacts.Count);
        Assert.Equal(4, byContact.Client.Interactions.Count);
    }

    [Theory]
    [InlineData("kollega@bizsoft-firm.ru", "внутреннее")]
    [InlineData("noreply@sberbank.ru", "не записывать")]
    [InlineData("promo@spam-vendor.com", "не записывать")]
    public async Task LogEmail_OwnDomainOrNeverLog_IsNotLoggedAndSaysWhy(string from, string reason)
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();

        var outcome = await PostAsync(http, ContactsEmails.FromClient(from, "Отправитель", ContactsEmails.RomashkaSignature));

        Assert.Equal(LogEmailStatus.NotLogged, outcome.Status);
        Assert.Contains(reason, outcome.Reason);
        Assert.Empty(await StoredInteractionsAsync(host));
        Assert.Equal(0, host.Tasks.Calls);
    }

    [Fact]
    public async Task LogEmail_OutgoingMessage_IsLoggedOnTheRecipientAsOutWithoutReadingOurSignature()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();
        await PostAsync(http, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature));
        var outgoing = new LogEmailRequest
        {
            InternetMessageId = "<out-1@bizsoft-firm.ru>",
            From = ContactsEmails.Manager,
            To = [new MailParty("Иван Петров", "i.petrov@romashka.ru")],
            Subject = "Счёт № 2026-0412",
            BodyText = "Иван, добрый день! Счёт во вложении.\n\nС уважением,\nМария Кузнецова\nООО «Бизнес-Софт»\nИНН 7736207543\n+7 495 111-22-33",
        };

        var outcome = await PostAsync(http, outgoing);

        Assert.Equal("domain", outcome.MatchedBy);
        Assert.Equal("out", outcome.Interaction!.Direction);
        Assert.Equal("Иван Петров", outcome.Contact!.Name);
        Assert.Equal(["+74951234567;ext=215"], outcome.Contact.Phones);
        Assert.Single(await StoredAsync<ClientEntity>(host, "Clients"));
    }

    [Fact]
    public async Task LogEmail_MissingFields_Gives400ProblemDetailsNamingThem()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();

        var response = await http.PostAsJsonAsync("/api/contacts/log-email", new { from = new { address = "not-an-address" }, subject = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("internetMessageId", out _));
        Assert.True(errors.TryGetProperty("from.address", out _));
        Assert.True(errors.TryGetProperty("bodyText", out _));
    }

    [Fact]
    public async Task LogEmail_WithoutManagerRole_IsRefused()
    {
        await using var host = new ContactsTestHost(azurite);
        using var anonymous = host.CreateClient();
        using var accountant = host.CreateManagerClient("acc-1", "accountant");
        var request = ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/contacts/log-email", request)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await accountant.PostAsJsonAsync("/api/contacts/log-email", request)).StatusCode);
        Assert.Empty(await StoredInteractionsAsync(host));
    }

    private static async Task<LogEmailOutcome> PostAsync(HttpClient http, LogEmailRequest request)
    {
        using var response = await http.PostAsJsonAsync("/api/contacts/log-email", request, Json);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<LogEmailOutcome>(Json))!;
    }

    internal static async Task<List<T>> StoredAsync<T>(ContactsTestHost host, string table)
        where T : class, ITableEntity, new()
    {
        var store = host.Services.GetRequiredService<TableStore>();
        var client = await store.GetTableAsync(table);
        var rows = new List<T>();
        await foreach (var row in client.QueryAsync<T>())
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Every stored interaction (the clients' card heads, kept in the same table, left out).</summary>
    internal static async Task<List<InteractionEntity>> StoredInteractionsAsync(ContactsTestHost host) =>
        (await StoredAsync<InteractionEntity>(host, "Interactions")).Where(i => i.RowKey != CardHeadEntity.Row).ToList();
}
