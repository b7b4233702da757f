using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OfficeFlow.Functions.Contacts;
using OfficeFlow.Functions.Contacts.Cards;
using OfficeFlow.Functions.Contacts.Logging;
using OfficeFlow.Functions.Contacts.Records;
using OfficeFlow.Tests.Infrastructure;

using static OfficeFlow.Tests.Contacts.LogEmailCalls;

namespace OfficeFlow.Tests.Contacts;

public sealed class ClientsApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    [Fact]
    public async Task Get_ShowsRequisitesContactsAndInteractionsNewestFirst()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();
        var monday = new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.FromHours(3));
        var created = await LogAsync(http, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature, sentAt: monday, subject: "первое"));
        await LogAsync(http, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", "Иван", sentAt: monday.AddDays(2), subject: "третье"));
        await LogAsync(http, ContactsEmails.FromClient("buh@romashka.ru", "Бухгалтерия", "Анна", sentAt: monday.AddDays(1), subject: "второе"));

        using var response = await http.GetAsync($"/api/clients/{created.Client!.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var card = (await response.Content.ReadFromJsonAsync<ClientCard>(Json))!;
        Assert.Equal(["третье", "второе", "первое"], card.Interactions.Select(i => i.Subject));
        Assert.Equal(2, card.Contacts.Count);
        Assert.Equal("7707083893", card.Inn);
    }

    [Fact]
    public async Task Get_UnknownOrMalformedId_Gives404ProblemDetails()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();

        foreach (var id in new[] { "cl0000000000000000000000", "../etc", "x" })
        {
            using var response = await http.GetAsync($"/api/clients/{Uri.EscapeDataString(id)}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("ром")]
    [InlineData("РОМАШ")]
    [InlineData("77070")]
    [InlineData("romashka.r")]
    [InlineData("i.petrov@")]
    public async Task Search_ByPrefixOfNameInnDomainOrEmail_FindsTheClient(string query)
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();
        var created = await LogAsync(http, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature));
        await LogAsync(http, ContactsEmails.FromClient("o.smirnova@tehnoresurs.ru", "Ольга Смирнова", "Ольга Смирнова\nАО «Техноресурс»"));

        var hits = (await http.GetFromJsonAsync<List<ClientSearchHit>>($"/api/clients?search={Uri.EscapeDataString(query)}", Json))!;

        var hit = Assert.Single(hits);
        Assert.Equal(created.Client!.Id, hit.Id);
        Assert.Equal("Ромашка", hit.Name);
    }

    [Fact]
    public async Task Search_Empty_Gives400SayingWhatToSend()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();

        using var response = await http.GetAsync("/api/clients?search=%20");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ИНН", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Update_WithCurrentETag_SavesAndReindexes_StaleETagGets412()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();
        var created = await LogAsync(http, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature));
        var url = $"/api/clients/{created.Client!.Id}";
        using var read = await http.GetAsync(url);
        var etag = read.Headers.ETag!.ToString();
        var update = new
        {
            name = "Ромашка-Трейд", legalForm = "ООО", inn = "7707083893", kpp = "773601001", domains = new[] { "romashka.ru", "romashka-trade.ru" },
            bik = "044525225", settlementAccount = "40702810900000012345", signatoryName = "Петров И. И.", signatoryPosition = "Генеральный директор", signatoryBasis = "Устава",
        };

        using var saved = await SendPutAsync(http, url, update, etag);
        using var stale = await SendPutAsync(http, url, update with { }, etag);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var card = (await saved.Content.ReadFromJsonAsync<ClientCard>(Json))!;
        Assert.Equal("ООО «Ромашка-Трейд»", card.DisplayName);
        Assert.Equal("Устава", card.Signatory.Basis);
        Assert.NotEqual(etag, saved.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Contains("изменил кто-то другой", await stale.Content.ReadAsStringAsync());

        var byNewName = (await http.GetFromJsonAsync<List<ClientSearchHit>>("/api/clients?search=трейд", Json))!;
        Assert.Equal(created.Client.Id, Assert.Single(byNewName).Id);
        var byNewDomain = await LogAsync(http, ContactsEmails.FromClient("ceo@romashka-trade.ru", "CEO", "CEO"));
        Assert.Equal(("domain", created.Client.Id), (byNewDomain.MatchedBy, byNewDomain.Client!.Id));
    }

    [Fact]
    public async Task Update_WithoutIfMatchOrWithBadInn_IsRefusedWithAClearMessage()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();
        var created = await LogAsync(http, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature));
        var url = $"/api/clients/{created.Client!.Id}";
        var etag = (await http.GetAsync(url)).Headers.ETag!.ToString();

        using var noIfMatch = await SendPutAsync(http, url, new { name = "Ромашка" }, null);
        using var badInn = await SendPutAsync(http, url, new { name = "Ромашка", inn = "7707083894" }, etag);
        using var freeMail = await SendPutAsync(http, url, new { name = "Ромашка", domains = new[] { "mail.ru" } }, etag);

        Assert.Equal(HttpStatusCode.PreconditionRequired, noIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badInn.StatusCode);
        Assert.Contains("контрольных цифр", await badInn.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, freeMail.StatusCode);
        Assert.Contains("общедоступная", await freeMail.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Merge_MovesContactsAndInteractions_LosesNothing_AndRepeatingIsHarmless()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();
        var target = await LogAsync(http, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature));
        await LogAsync(http, ContactsEmails.FromClient("buh@romashka.ru", "Бухгалтерия", "Анна"));
        var duplicate = await LogAsync(http, ContactsEmails.FromClient("sales@romashka-msk.ru", "Отдел продаж", "Олег Сидоров\nООО «Ромашка Москва»\n+7 495 700-00-01"));
        await LogAsync(http, ContactsEmails.FromClient("o.sidorov@romashka-msk.ru", "Олег Сидоров", "Олег"));
        var mergeUrl = $"/api/clients/{target.Client!.Id}/merge";

        using var first = await http.PostAsJsonAsync(mergeUrl, new { sourceId = duplicate.Client!.Id });
        using var again = await http.PostAsJsonAsync(mergeUrl, new { sourceId = duplicate.Client.Id });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var merged = (await first.Content.ReadFromJsonAsync<ContactsApi.MergeResponse>(Json))!;
        Assert.Equal((2, 2), (merged.ContactsMoved, merged.InteractionsMoved));
        Assert.Equal(4, merged.Client.Contacts.Count);
        Assert.Equal(4, merged.Client.Interactions.Count);
        Assert.Equal(["romashka.ru", "romashka-msk.ru"], merged.Client.Domains);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var repeated = (await again.Content.ReadFromJsonAsync<ContactsApi.MergeResponse>(Json))!;
        Assert.Equal((0, 0, 4, 4), (repeated.ContactsMoved, repeated.InteractionsMoved, repeated.Client.Contacts.Count, repeated.Client.Interactions.Count));
        Assert.Equal(4, (await LogEmailApiTests.StoredInteractionsAsync(host)).Count);

        // The duplicate's address now opens the surviving card, and its domain's new mail lands there.
        var old = (await http.GetFromJsonAsync<ClientCard>($"/api/clients/{duplicate.Client.Id}", Json))!;
        Assert.Equal(target.Client.Id, old.Id);
        var later = await LogAsync(http, ContactsEmails.FromClient("new@romashka-msk.ru", "Новый", "Новый"));
        Assert.Equal(target.Client.Id, later.Client!.Id);
        var search = (await http.GetFromJsonAsync<List<ClientSearchHit>>("/api/clients?search=москва", Json))!;
        Assert.Empty(search);
    }

    [Fact]
    public async Task Merge_IntoItselfOrUnknown_IsRefused()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();
        var client = await LogAsync(http, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature));

        using var self = await http.PostAsJsonAsync($"/api/clients/{client.Client!.Id}/merge", new { sourceId = client.Client.Id });
        using var unknown = await http.PostAsJsonAsync($"/api/clients/{client.Client.Id}/merge", new { sourceId = "cl0000000000000000000000" });

        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("7705987654")]
    [InlineData("no-such-client")]
    public async Task Merge_WithASourceThatIsNoClientId_Is404ClientNotFound_NamingIt(string sourceId)
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();
        var client = await LogAsync(http, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature));

        using var unknown = await http.PostAsJsonAsync($"/api/clients/{client.Client!.Id}/merge", new { sourceId });
        using var missing = await http.PostAsJsonAsync($"/api/clients/{client.Client.Id}/merge", new { });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var problem = await unknown.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        Assert.Equal("Клиент не найден", problem!.Title);
        Assert.Contains(sourceId, problem.Detail);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("sourceId", await missing.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> SendPutAsync(HttpClient http, string url, object body, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return await http.SendAsync(request);
    }
}
