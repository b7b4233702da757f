using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Contacts.Logging;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Grades.Ledger;
using OfficeFlow.Functions.Storage;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Contacts;

/// <summary>
/// What a logged message costs in storage calls (docs/contacts.md, "Cost of a logged message"), counted on the app's own
/// TableServiceClient with the real ledger: a known sender's new message is three calls (claim, interaction with the
/// card head, ledger add), whichever class makes them.
/// </summary>
public sealed class LogEmailStorageCallsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task KnownSendersNewMessage_CostsThreeStorageCalls()
    {
        var calls = new StorageCallCounter();
        await using var host = Host(calls);
        using var http = host.CreateManagerClient();
        // The first message creates the client; the second replaces the card head it read, which leaves this process a snapshot.
        for (var i = 0; i < 2; i++)
        {
            await LogEmailCalls.LogAsync(http, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature));
        }

        var before = calls.Count;
        var outcome = await LogEmailCalls.LogAsync(http, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature));

        Assert.Equal(LogEmailStatus.Logged, outcome.Status);
        Assert.Equal(3, calls.Count - before);
    }

    private ContactsTestHost Host(StorageCallCounter calls) => new(azurite, services: services =>
    {
        services.AddSingleton<ITaskRecorder, TableTaskRecorder>();
        services.AddSingleton(_ =>
        {
            var options = StorageModule.CreateClientOptions();
            options.AddPolicy(calls, HttpPipelinePosition.PerCall);
            return new TableServiceClient(azurite.ConnectionString, options);
        });
    });

    /// <summary>Counts every request the app's storage client sends (a retried one once: per call, not per try).</summary>
    internal sealed class StorageCallCounter : HttpPipelineSynchronousPolicy
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
    }
}
