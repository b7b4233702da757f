using System.Net.Http.Json;
using System.Text.Json;
using OfficeFlow.Functions.Contacts.Records;
using OfficeFlow.Tests.Infrastructure;

using static OfficeFlow.Tests.Contacts.LogEmailCalls;

namespace OfficeFlow.Tests.Contacts;

/// <summary>GET /api/clients?search= finds people too: by a contact's first name, surname or phone written any way, saying which contact and whose.</summary>
public sealed class ContactSearchTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    [Theory]
    [InlineData("Петров")]
    [InlineData("иван")]
    [InlineData("иван петров")]
    [InlineData("1234567")]
    [InlineData("4951234567")]
    [InlineData("+7 (495) 123-45-67")]
    [InlineData("8 495 123-45-67")]
    [InlineData("123-45-67")]
    public async Task Search_ByAContactsNameOrPhone_FindsTheContactAndItsClient(string query)
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();
        var logged = await LogAsync(http, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature));
        // Another client's contact shares nothing with the query.
        await LogAsync(http, ContactsEmails.FromClient("o.smirnova@tehnoresurs.ru", "Ольга Смирнова", "Ольга Смирнова\nГлавный бухгалтер\nАО «Техноресурс»\n+7 (812) 765-43-21"));

        var hits = await SearchAsync(http, query);

        var hit = Assert.Single(hits, h => h.Contact is not null);
        Assert.Equal((logged.Client!.Id, "Ромашка"), (hit.Id, hit.Name));
        Assert.Equal(new SearchHitContact(logged.Contact!.Id, "Иван Петров"), hit.Contact);
        Assert.DoesNotContain(hits, h => h.Contact?.Name == "Ольга Смирнова");
    }

    [Fact]
    public async Task Search_FindsAPhoneTheContactToldInALaterMessage()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();
        await LogAsync(http, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature));
        Assert.DoesNotContain(await SearchAsync(http, "9161112233"), h => h.Contact is not null);

        await LogAsync(http, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", "Иван Петров\nМоб.: +7 916 111-22-33"));

        var hit = Assert.Single(await SearchAsync(http, "+7 916 111 22 33"));
        Assert.Equal("Иван Петров", hit.Contact!.Name);
    }

    private static async Task<List<ClientSearchHit>> SearchAsync(HttpClient http, string query) =>
        (await http.GetFromJsonAsync<List<ClientSearchHit>>($"/api/clients?search={Uri.EscapeDataString(query)}", Json))!;
}
