using System.Net.Http.Json;
using System.Text.Json;
using OfficeFlow.Functions.Contacts;
using OfficeFlow.Functions.Contacts.Logging;
using OfficeFlow.Tests.Infrastructure;

using static OfficeFlow.Tests.Contacts.LogEmailCalls;

namespace OfficeFlow.Tests.Contacts;

/// <summary>The index cache of log-email: a row cached by one instance and changed by another must not send mail to the wrong client.</summary>
public sealed class SenderCacheTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    [Fact]
    public async Task DomainMovedToAnotherClientByAnotherInstance_NextMessageGoesToTheNewOwner()
    {
        await using var first = new ContactsTestHost(azurite);
        await using var second = new ContactsTestHost(azurite, tablePrefix: first.TablePrefix);
        using var a = first.CreateManagerClient();
        using var b = second.CreateManagerClient();
        var romashka = await LogAsync(a, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature));
        var again = await LogAsync(a, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", "Иван")); // now cached by the first instance
        var tehno = await LogAsync(b, ContactsEmails.FromClient("o.smirnova@tehnoresurs.ru", "Ольга Смирнова", "Ольга Смирнова\nАО «Техноресурс»"));
        Assert.Equal(("domain", romashka.Client!.Id), (again.MatchedBy, again.Client!.Id));

        // The other instance moves romashka.ru from Ромашка to Техноресурс (the first instance's cache still says Ромашка).
        await PutDomainsAsync(b, romashka.Client.Id, "Ромашка", []);
        await PutDomainsAsync(b, tehno.Client!.Id, "Техноресурс", ["tehnoresurs.ru", "romashka.ru"]);
        var moved = await LogAsync(a, ContactsEmails.FromClient("buh@romashka.ru", "Бухгалтерия", "Анна"));

        Assert.Equal(("domain", tehno.Client.Id), (moved.MatchedBy, moved.Client!.Id));
    }

    private static async Task PutDomainsAsync(HttpClient http, string clientId, string name, string[] domains)
    {
        var url = $"/api/clients/{clientId}";
        using var read = await http.GetAsync(url);
        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { name, legalForm = "ООО", domains }) };
        put.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.ToString());
        using var saved = await http.SendAsync(put);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }
}
