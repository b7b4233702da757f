using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Contacts.Logging;
using OfficeFlow.Functions.Contacts.Records;
using OfficeFlow.Functions.Storage;
using Azure.Data.Tables;
using OfficeFlow.Tests.Infrastructure;

using static OfficeFlow.Tests.Contacts.LogEmailCalls;

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
        await claims.TryAddAsync(new MessageClaimEntity
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
        Assert.Single(host.Tasks.EntriesFor(EmailLogger.ContactTaskCode));
    }

    [Fact]
    public async Task TakeoverOfAMessageWithoutSentAt_WritesTheRowTheCrashedRequestMayHaveWritten()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();
        var message = ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature, messageId: "<no-date@romashka.ru>") with { SentAt = null };
        var hash = Keys.MessageHash(message.InternetMessageId!);
        var crashedAt = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);
        // A company-domain sender's client id comes from its domain (EmailLogger/ClientCreator).
        var client = Keys.ClientId("domain:romashka.ru");
        var row = TableKeys.InvertedTicks(crashedAt) + "-" + hash[..16];
        var claims = await host.Services.GetRequiredService<TableStore>().GetTableAsync("LoggedMessages");
        await claims.TryAddAsync(new MessageClaimEntity
        {
            PartitionKey = hash,
            ClaimedAt = DateTimeOffset.UtcNow - MessageClaims.StaleClaim - TimeSpan.FromMinutes(1),
            Owner = "crashed-request",
            At = crashedAt,
            ClientId = client,
            ContactId = Keys.ContactId("i.petrov@romashka.ru"),
            InteractionPartition = client,
            InteractionRow = row,
        });

        var logged = await LogAsync(http, message);

        Assert.Equal(LogEmailStatus.Logged, logged.Status);
        Assert.Equal((client + "|" + row, crashedAt), (logged.Interaction!.Id, logged.Interaction.At));
        Assert.Single(await LogEmailApiTests.StoredInteractionsAsync(host));
    }

    [Fact]
    public async Task ARequestMeetingItsOwnClaim_OwnsIt()
    {
        await using var host = new ContactsTestHost(azurite);
        var claims = host.Services.GetRequiredService<MessageClaims>();
        var interaction = new InteractionEntity { PartitionKey = "clabc", RowKey = "0001-x", ContactId = "ct1", At = DateTimeOffset.UtcNow };

        // As when the add was applied but its answer was lost and the pipeline sent it again (409).
        var first = await claims.ClaimAsync("hash-of-message", interaction, "owner-1", CancellationToken.None);
        var again = await claims.ClaimAsync("hash-of-message", interaction, "owner-1", CancellationToken.None);

        Assert.NotNull(first.Owned);
        Assert.Equal("owner-1", again.Owned?.Owner);
        Assert.Null(again.AlreadyLogged);
    }
}
