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

    [Fact]
    public async Task RepeatedLogEmail_OnceFoundComplete_DoesNotAskTheLedgerAgain()
    {
        var calls = new StorageCallCounter();
        await using var host = Host(calls);
        using var http = host.CreateManagerClient();
        var message = ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature);
        var logged = await LogEmailCalls.LogAsync(http, message);
        var costs = new List<(int Calls, int Ledger)>();
        for (var i = 0; i < 3; i++)
        {
            var before = calls.Snapshot();
            var again = await LogEmailCalls.LogAsync(http, message);
            Assert.Equal((LogEmailStatus.AlreadyLogged, logged.Interaction!.Id, logged.Client!.Id), (again.Status, again.Interaction!.Id, again.Client!.Id));
            var after = calls.Snapshot();
            costs.Add((after.Count - before.Count, after.Paths.Skip(before.Count).Count(p => p.Contains(LedgerStore.LedgerTable, StringComparison.Ordinal))));
        }

        // The first repeat still finishes (and asks the ledger for 5.5 and 5.4); it notes on the claim that all is done, and the later ones only read.
        Assert.True(costs[0].Ledger == 2, "repeat costs (calls, ledger calls): " + string.Join(", ", costs));
        Assert.True(costs[1].Ledger == 0 && costs[2].Ledger == 0, "repeat costs (calls, ledger calls): " + string.Join(", ", costs));
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

    /// <summary>Counts every request the app's storage client sends (a retried one once: per call, not per try), keeping its path.</summary>
    internal sealed class StorageCallCounter : HttpPipelineSynchronousPolicy
    {
        private readonly Lock _lock = new();
        private readonly List<string> _paths = [];

        public int Count
        {
            get
            {
                lock (_lock)
                {
                    return _paths.Count;
                }
            }
        }

        public (int Count, IReadOnlyList<string> Paths) Snapshot()
        {
            lock (_lock)
            {
                return (_paths.Count, _paths.ToArray());
            }
        }

        public override void OnSendingRequest(HttpMessage message)
        {
            ArgumentNullException.ThrowIfNull(message);
            lock (_lock)
            {
                _paths.Add(message.Request.Uri.Path);
            }
        }
    }
}
