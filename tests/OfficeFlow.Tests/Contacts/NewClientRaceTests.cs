using System.Net.Http.Json;
using System.Text.Json;
using OfficeFlow.Functions.Contacts.Cards;
using OfficeFlow.Functions.Contacts.Logging;
using OfficeFlow.Functions.Contacts.Records;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Contacts;

/// <summary>
/// The first two messages of a new company, arriving together, one whose signature carries the INN and one without:
/// they must make one client (issue 13, item 4). Ids derived from the INN when there was one and from the domain
/// otherwise made two.
/// </summary>
public sealed class NewClientRaceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;
    private const int Rounds = 20;

    [Fact]
    public async Task TwoFirstMessagesOfANewDomain_WithAndWithoutTheInn_CreateOneClient()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();

        for (var round = 0; round < Rounds; round++)
        {
            var domain = $"vektor{round}-{Guid.NewGuid():N}"[..20] + ".ru";
            var inn = InnFor(round);
            var withInn = ContactsEmails.FromClient("o.smirnova@" + domain, "Ольга Смирнова", $"Ольга Смирнова\nГлавный бухгалтер\nООО «Вектор»\nИНН {inn}");
            var withoutInn = ContactsEmails.FromClient("p.sidorov@" + domain, "Павел Сидоров", "Павел Сидоров\nМенеджер\nООО «Вектор»");

            var outcomes = await TogetherAsync(http, withInn, withoutInn);

            Assert.All(outcomes, o => Assert.Equal(LogEmailStatus.Logged, o.Status));
            var clientId = Assert.Single(outcomes.Select(o => o.Client!.Id).Distinct());
            Assert.Single(outcomes, o => o.ClientCreated);
            var card = (await http.GetFromJsonAsync<ClientCard>($"/api/clients/{clientId}", Json))!;
            Assert.Equal(2, card.Interactions.Count);
            // Both raced to create it (the INN message created it, or lost the add and stored its INN on the winner's client). A message
            // that came after the client existed was matched by the domain, and a matched client takes no requisites from a signature.
            if (outcomes[0].MatchedBy != "domain")
            {
                Assert.Equal(inn, card.Inn);
            }
        }

        Assert.Equal(Rounds, (await LogEmailApiTests.StoredAsync<ClientEntity>(host, "Clients")).Count);
        Assert.Equal(Rounds, host.Tasks.EntriesFor("5.4").Count);
        Assert.Equal(Rounds, host.Tasks.CallsFor("5.4").Count);
    }

    /// <summary>Both requests start at once (a barrier), so they resolve the sender before either has created the client.</summary>
    private static async Task<LogEmailOutcome[]> TogetherAsync(HttpClient http, params OfficeFlow.Functions.Contacts.LogEmailRequest[] requests)
    {
        using var barrier = new Barrier(requests.Length);
        var calls = requests.Select(r => Task.Run(async () =>
        {
            barrier.SignalAndWait();
            return await LogEmailCalls.LogAsync(http, r);
        })).ToArray();
        return await Task.WhenAll(calls);
    }

    /// <summary>A distinct 10-digit INN with a valid check digit per round (the extractor refuses a bad checksum).</summary>
    private static string InnFor(int round)
    {
        var digits = $"77{round + 1000000:D7}".Select(c => c - '0').ToArray();
        int[] weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
        var check = digits.Zip(weights, (d, w) => d * w).Sum() % 11 % 10;
        return string.Concat(digits) + check;
    }
}
