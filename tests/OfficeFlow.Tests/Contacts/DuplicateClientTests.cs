using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OfficeFlow.Functions.Contacts;
using OfficeFlow.Functions.Contacts.Cards;
using OfficeFlow.Functions.Contacts.Logging;
using OfficeFlow.Functions.Contacts.Records;
using OfficeFlow.Functions.Grades;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Tests.Infrastructure;

using static OfficeFlow.Tests.Contacts.LogEmailCalls;

namespace OfficeFlow.Tests.Contacts;

/// <summary>
/// A company that already is a client must not become a second one: a free-mail sender whose signature names it is
/// matched (same INN, or same legal form and name), an uncertain case is created but flagged «возможно, то же, что …»,
/// and task 5.4 is credited only for a client that really is new.
/// </summary>
public sealed class DuplicateClientTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    [Theory]
    [InlineData("Пётр Иванов\nДиректор\nООО «Ромашка»\nИНН 7707083893", "inn")]
    [InlineData("Пётр Иванов\nДиректор\nООО Ромашка", "companyName")]
    [InlineData("Пётр Иванов\nДиректор\nОбщество с ограниченной ответственностью \"Ромашка\"", "companyName")]
    public async Task FreeMailSender_OfAKnownCompany_IsMatchedToIt_WithoutASecondClientOr54(string signature, string matchedBy)
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();
        var romashka = await LogAsync(http, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature));

        var fromGmail = await LogAsync(http, ContactsEmails.FromClient("petr.ivanov.1985@gmail.com", "Пётр Иванов", signature));

        Assert.Equal(matchedBy, fromGmail.MatchedBy);
        Assert.False(fromGmail.ClientCreated);
        Assert.Equal(romashka.Client!.Id, fromGmail.Client!.Id);
        Assert.Null(fromGmail.PossibleDuplicateOf);
        Assert.Contains(fromGmail.Client.Contacts, c => c.Emails.Contains("petr.ivanov.1985@gmail.com"));
        Assert.Single(await LogEmailApiTests.StoredAsync<ClientEntity>(host, "Clients"));
        Assert.Single(host.Tasks.CallsFor("5.4"));
    }

    [Theory]
    [InlineData("Пётр Иванов\nДиректор\nАО «Ромашка»")]
    [InlineData("Пётр Иванов\nДиректор\nООО «Ромашка Плюс»")]
    public async Task FreeMailSender_OfPerhapsTheSameCompany_CreatesTheClientButSaysPossiblyTheSameAs(string signature)
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();
        var romashka = await LogAsync(http, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature));

        var fromGmail = await LogAsync(http, ContactsEmails.FromClient("petr.ivanov.1985@gmail.com", "Пётр Иванов", signature));

        Assert.Equal("created", fromGmail.MatchedBy);
        Assert.True(fromGmail.ClientCreated);
        Assert.NotEqual(romashka.Client!.Id, fromGmail.Client!.Id);
        var expected = new ClientRef(romashka.Client.Id, "ООО «Ромашка»");
        Assert.Equal(expected, fromGmail.PossibleDuplicateOf);
        Assert.Equal(expected, fromGmail.Client.PossibleDuplicateOf);
        var card = await http.GetFromJsonAsync<ClientCard>($"/api/clients/{fromGmail.Client.Id}", Json);
        Assert.Equal(expected, card!.PossibleDuplicateOf);
        Assert.Equal(2, host.Tasks.CallsFor("5.4").Select(t => t.SourceId).Distinct().Count());
    }

    [Fact]
    public async Task PossibleDuplicate_MergedWithTheMergeApi_IsNoLongerOffered()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();
        var romashka = await LogAsync(http, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature));
        var duplicate = await LogAsync(http, ContactsEmails.FromClient("petr.ivanov.1985@gmail.com", "Пётр Иванов", "Пётр Иванов\nДиректор\nАО «Ромашка»"));

        // Merged the other way round (the new client survives): the card must not offer to merge it with itself.
        using var merged = await http.PostAsJsonAsync($"/api/clients/{duplicate.Client!.Id}/merge", new { sourceId = romashka.Client!.Id });

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var card = await http.GetFromJsonAsync<ClientCard>($"/api/clients/{duplicate.Client.Id}", Json);
        Assert.Null(card!.PossibleDuplicateOf);
    }

    [Fact]
    public async Task FreeMailSender_OfAnUnrelatedCompany_CreatesTheClientWithoutAFlag()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();
        await LogAsync(http, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature));

        var other = await LogAsync(http, ContactsEmails.FromClient("anna.vasilkova@mail.ru", "Анна Василькова", "Анна Василькова\nБухгалтер\nООО «Василёк»"));

        Assert.Equal("created", other.MatchedBy);
        Assert.True(other.ClientCreated);
        Assert.Null(other.PossibleDuplicateOf);
        var card = await http.GetFromJsonAsync<ClientCard>($"/api/clients/{other.Client!.Id}", Json);
        Assert.Null(card!.PossibleDuplicateOf);
        Assert.Equal(2, (await LogEmailApiTests.StoredAsync<ClientEntity>(host, "Clients")).Count);
    }

    [Fact]
    public async Task TwentyIdenticalFirstMessages_TheCreatorSaysClientCreated_AndOne54IsRecorded()
    {
        // A slow ledger holds the creator back at task 5.4, so an identical request surely wins the message's claim:
        // the creator's answer is then AlreadyLogged, and must still say it created the client.
        ContactsTestHost? host = null;
        var slow = new SlowRecorder("5.4", TimeSpan.FromMilliseconds(500), () => host!.Tasks);
        host = new ContactsTestHost(azurite, services: services => services.AddSingleton<ITaskRecorder>(slow));
        await using var _ = host;
        using var http = host.CreateManagerClient();
        var body = JsonSerializer.Serialize(ContactsEmails.FromClient("o.smirnova@tehnoresurs.ru", "Ольга Смирнова", "Ольга Смирнова\nГлавный бухгалтер\nАО «Техноресурс»"), Json);

        var outcomes = await ConcurrentlyAsync(http, Enumerable.Repeat(body, 20));

        var creator = Assert.Single(outcomes, o => o.ClientCreated);
        Assert.Equal(LogEmailStatus.AlreadyLogged, creator.Status);
        Assert.Single(outcomes, o => o.Status == LogEmailStatus.Logged);
        Assert.Single(await LogEmailApiTests.StoredAsync<ClientEntity>(host, "Clients"));
        var newClient = host.Tasks.CallsFor("5.4");
        Assert.Single(newClient.Select(t => t.SourceId).Distinct());
        Assert.Single(host.Tasks.EntriesFor("5.4"));
    }

    [Fact]
    public async Task TwentyDifferentFirstMessagesOfOneNewCompany_CreateOneClient_And54OnlyForTheCreator()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();
        var bodies = Enumerable.Range(0, 20).Select(i => JsonSerializer.Serialize(
            ContactsEmails.FromClient($"sender{i}@tehnoresurs.ru", $"Сотрудник {i}", "Ольга Смирнова\nГлавный бухгалтер\nАО «Техноресурс»"), Json));

        var outcomes = await ConcurrentlyAsync(http, bodies);

        Assert.All(outcomes, o => Assert.Equal(LogEmailStatus.Logged, o.Status));
        Assert.Single(outcomes, o => o.ClientCreated);
        Assert.Single(outcomes.Select(o => o.Client!.Id).Distinct());
        Assert.Single(host.Tasks.CallsFor("5.4"));
        Assert.Equal(20, host.Tasks.CallsFor("5.5").Count);
    }

    /// <summary>Records through the test host's recorder, after a pause for one task code.</summary>
    private sealed class SlowRecorder(string taskCode, TimeSpan pause, Func<ITaskRecorder> inner) : ITaskRecorder
    {
        public async Task RecordAsync(TaskEvent taskEvent, CancellationToken cancellationToken = default)
        {
            if (taskEvent.TaskCode == taskCode)
            {
                await Task.Delay(pause, cancellationToken);
            }

            await inner().RecordAsync(taskEvent, cancellationToken);
        }
    }

    private static async Task<LogEmailOutcome[]> ConcurrentlyAsync(HttpClient http, IEnumerable<string> bodies)
    {
        using var start = new SemaphoreSlim(0);
        var calls = bodies.Select(async body =>
        {
            await start.WaitAsync();
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("/api/contacts/log-email", content);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<LogEmailOutcome>(Json))!;
        }).ToList();
        start.Release(calls.Count);
        return await Task.WhenAll(calls);
    }
}
