using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OfficeFlow.Functions.Contacts;
using OfficeFlow.Functions.Contacts.Cards;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Contacts.Logging;
using OfficeFlow.Tests.Infrastructure;

using static OfficeFlow.Tests.Contacts.LogEmailCalls;

namespace OfficeFlow.Tests.Contacts;

/// <summary>
/// The card in the log-email answer comes from the client's card head and, for a client this instance logged
/// mail for, from its in-memory snapshot. Two app instances share the tables here: whatever one changes, the
/// other's next answer must show, and the answer must agree with the card GET /api/clients/{id} reads from the tables.
/// </summary>
public sealed class ClientSnapshotTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 10, 0, 0, TimeSpan.FromHours(3));

    [Fact]
    public async Task RequisitesEditedByAnotherInstance_AreInTheNextAnswer_AndItsETagAllowsTheNextEdit()
    {
        await using var first = new ContactsTestHost(azurite);
        await using var second = new ContactsTestHost(azurite, tablePrefix: first.TablePrefix);
        using var a = first.CreateManagerClient();
        using var b = second.CreateManagerClient();
        var created = await LogAsync(a, Message("i.petrov@romashka.ru", ContactsEmails.RomashkaSignature, 0));
        await LogAsync(a, Message("i.petrov@romashka.ru", "Иван", 1)); // the first instance now holds a snapshot of the client
        var id = created.Client!.Id;

        using var edited = await PutAsync(b, id, new { name = "Ромашка-Трейд", legalForm = "ООО", inn = "7707083893", domains = new[] { "romashka.ru" }, address = "Москва, ул. Ленина, 1" }, await ETagAsync(b, id));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        // A new sender: the contact is added and the client's search rows rewritten, which changes the client row again.
        var next = await LogAsync(a, Message("buh@romashka.ru", "Анна Соколова\nГлавный бухгалтер", 2));

        Assert.Equal(("ООО «Ромашка-Трейд»", "Москва, ул. Ленина, 1"), (next.Client!.DisplayName, next.Client.Address));
        Assert.Equal(await ETagAsync(b, id), next.Client.ETag);
        using var editWithAnswerETag = await PutAsync(a, id, new { name = "Ромашка", legalForm = "ООО", inn = "7707083893", domains = new[] { "romashka.ru" } }, next.Client.ETag);
        Assert.Equal(HttpStatusCode.OK, editWithAnswerETag.StatusCode);
    }

    [Fact]
    public async Task MessagesOfOneClientFromTwoInstancesAtOnce_AreAllStored_AndTheAnswerShowsTheStoredTimeline()
    {
        await using var first = new ContactsTestHost(azurite);
        await using var second = new ContactsTestHost(azurite, tablePrefix: first.TablePrefix);
        using var a = first.CreateManagerClient();
        using var b = second.CreateManagerClient();
        var created = await LogAsync(a, Message("i.petrov@romashka.ru", ContactsEmails.RomashkaSignature, 0));
        await LogAsync(b, Message("i.petrov@romashka.ru", "Иван", 1));

        // 30 messages from five people, half through each instance, all at once: heads collide and must be retried, never lost.
        var outcomes = await Task.WhenAll(Enumerable.Range(2, 30).Select(i =>
            LogAsync(i % 2 == 0 ? a : b, Message($"person{i % 5}@romashka.ru", $"Сотрудник {i % 5}", i))));
        var last = await LogAsync(a, Message("i.petrov@romashka.ru", "Иван", 40));

        Assert.All(outcomes, o => Assert.Equal((LogEmailStatus.Logged, created.Client!.Id), (o.Status, o.Client!.Id)));
        Assert.Equal(33, (await LogEmailApiTests.StoredInteractionsAsync(first)).Count);
        var stored = (await b.GetFromJsonAsync<ClientCard>($"/api/clients/{created.Client!.Id}", Json))!;
        Assert.Equal(stored.Interactions.Select(i => i.Id), last.Client!.Interactions.Select(i => i.Id));
        Assert.Equal(ClientCardReader.InteractionsShown, last.Client.Interactions.Count);
        Assert.Equal("Письмо 40", last.Client.Interactions[0].Subject);
        Assert.Equal(stored.Contacts.Select(c => (c.Id, c.Name, string.Join(',', c.Phones))), last.Client.Contacts.Select(c => (c.Id, c.Name, string.Join(',', c.Phones))));
        Assert.Equal(6, last.Client.Contacts.Count);
        // The heads did collide: without a retry on either instance the test would prove nothing about retries.
        var retries = first.Services.GetRequiredService<LoggingRetry>().CardHeadRetries + second.Services.GetRequiredService<LoggingRetry>().CardHeadRetries;
        Assert.True(retries > 0, "no card-head write was retried: the 30 messages never collided");
    }

    [Fact]
    public async Task ClientMergedByAnotherInstance_NextMessageGoesToTheSurvivingClient_WithTheMovedTimeline()
    {
        await using var first = new ContactsTestHost(azurite);
        await using var second = new ContactsTestHost(azurite, tablePrefix: first.TablePrefix);
        using var a = first.CreateManagerClient();
        using var b = second.CreateManagerClient();
        var duplicate = await LogAsync(a, Message("i.petrov@romashka.ru", ContactsEmails.RomashkaSignature, 0));
        await LogAsync(a, Message("i.petrov@romashka.ru", "Иван", 1)); // snapshot of the duplicate in the first instance
        var target = await LogAsync(b, Message("o.smirnova@tehnoresurs.ru", "Ольга Смирнова\nАО «Техноресурс»", 2));

        using var merged = await b.PostAsJsonAsync($"/api/clients/{target.Client!.Id}/merge", new { sourceId = duplicate.Client!.Id });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var next = await LogAsync(a, Message("i.petrov@romashka.ru", "Иван", 3));

        Assert.Equal(target.Client.Id, next.Client!.Id);
        Assert.Equal(["Письмо 3", "Письмо 2", "Письмо 1", "Письмо 0"], next.Client.Interactions.Select(i => i.Subject));
        Assert.Equal(["Иван Петров", "Ольга Смирнова"], next.Client.Contacts.Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    private static LogEmailRequest Message(string from, string signature, int n) =>
        ContactsEmails.FromClient(from, from, signature, messageId: $"<snapshot-{n}@test>", sentAt: Monday.AddMinutes(n), subject: $"Письмо {n}");

    private static async Task<string> ETagAsync(HttpClient http, string id)
    {
        using var read = await http.GetAsync($"/api/clients/{id}");
        return read.Headers.ETag!.ToString();
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient http, string id, object update, string etag)
    {
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/clients/{id}") { Content = JsonContent.Create(update) };
        put.Headers.TryAddWithoutValidation("If-Match", etag);
        return await http.SendAsync(put);
    }
}
