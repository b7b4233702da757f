using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Contacts.Logging;
using OfficeFlow.Functions.Contacts.Records;
using OfficeFlow.Functions.Storage;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Contacts;

/// <summary>What a request that crashed after claiming a message leaves behind, and how the next request gets past it.</summary>
public sealed class MessageClaimsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    [Fact]
    public async Task ClaimOfACrashedRequest_IsTakenOverOnceStale_AndTheMessageIsLoggedOnce()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();
        var message = ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature, messageId: "<crashed@romashka.ru>");
        // The crashed request claimed the message two minutes ago and never wrote its interaction.
        var claims = await host.Services.GetRequiredService<TableStore>().GetTableAsync("LoggedMessages");
        await claims.AddEntityAsync(new MessageClaimEntity
        {
            PartitionKey = Keys.MessageHash(message.InternetMessageId!),
            ClaimedAt = DateTimeOffset.UtcNow - MessageClaims.StaleClaim - TimeSpan.FromMinutes(1),
            ContactId = "ctgone",
            InteractionPartition = "contact-ctgone",
            InteractionRow = "0000000000000000000-gone",
        });

        var first = await LogAsync(http, message);
        var again = await LogAsync(http, message);

        Assert.Equal(LogEmailStatus.Logged, first.Status);
        Assert.Equal(LogEmailStatus.AlreadyLogged, again.Status);
        Assert.Equal(first.Interaction!.Id, again.Interaction!.Id);
        Assert.Single(await LogEmailApiTests.StoredInteractionsAsync(host));
        Assert.Single(host.Tasks.Recorded, t => t.TaskCode == EmailLogger.ContactTaskCode);
    }

    private static async Task<LogEmailOutcome> LogAsync(HttpClient http, Functions.Contacts.LogEmailRequest request)
    {
        using var response = await http.PostAsJsonAsync("/api/contacts/log-email", request, Json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<LogEmailOutcome>(Json))!;
    }
}
