using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Contacts.Cards;
using OfficeFlow.Tests.Infrastructure;

using static OfficeFlow.Tests.Contacts.LogEmailCalls;

namespace OfficeFlow.Tests.Contacts;

/// <summary>GET /api/clients/lookup?email=…: what the pinned «Клиент» pane shows for the selected message's sender.</summary>
public sealed class SenderLookupTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    [Fact]
    public async Task Lookup_KnownSenderInAnyCase_GivesTheClientsCard()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();
        var logged = await LogAsync(http, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature));

        using var response = await http.GetAsync("/api/clients/lookup?email=" + Uri.EscapeDataString("I.Petrov@Romashka.RU"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = (await response.Content.ReadFromJsonAsync<ClientCard>(Json))!;
        Assert.Equal(logged.Client!.Id, card.Id);
        Assert.Equal("7707083893", card.Inn);
        Assert.Contains(card.Contacts, c => c.Emails.Contains("i.petrov@romashka.ru"));
        Assert.Equal(card.ETag, response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Lookup_SenderNeverLogged_Is404SayingSoInRussian()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();
        await LogAsync(http, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature));

        // Same domain, but this person was never logged: the lookup is by exact address, not by domain.
        using var response = await http.GetAsync("/api/clients/lookup?email=buh@romashka.ru");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Отправитель ещё не записан", problem.GetProperty("title").GetString());
        Assert.Contains("buh@romashka.ru", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("ivan")]
    [InlineData("ivan@romashka")]
    [InlineData("ivan petrov@romashka.ru")]
    public async Task Lookup_MalformedAddress_Is400NamingEmail(string email)
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();

        using var response = await http.GetAsync("/api/clients/lookup?email=" + Uri.EscapeDataString(email));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("имя@домен", problem.GetProperty("errors").GetProperty("email")[0].GetString());
    }

    [Fact]
    public async Task Lookup_AndSearch_AnAccountantReadsClients_ButCannotEditOrLog()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient("buh", Roles.Accountant);

        // The «Счёт» pane of an accountant finds the sender's client and searches others.
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/clients/lookup?email=nobody@romashka.ru")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/clients?search=ромашка")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PutAsJsonAsync("/api/clients/c1", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsJsonAsync("/api/contacts/log-email", new { internetMessageId = "<m@x>" })).StatusCode);
    }
}
