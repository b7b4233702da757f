using System.Globalization;
using Azure;
using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Benchmarks.Contacts;

/// <summary>
/// The floor under log-email: per message, exactly the storage calls log-email makes for a known sender of a known
/// client (docs/contacts.md, "Cost of a logged message"), issued straight through Azure.Data.Tables against the same
/// Azurite, with copies of the rows the app wrote in the warm-up (same properties, same sizes, the same card head):
/// 1. the claim added to a LoggedMessages table;
/// 2. one transaction in the client's partition: the interaction (upsert) and the card head (replace under its ETag);
/// 3. the ledger entry added.
/// Like the app, a client's head writes take turns (its per-client lock), so the ETag guard never fails.
/// What log-email costs above this is the app's own work: HTTP, auth, validation, matching, building the head.
/// </summary>
internal sealed class LogEmailFloor
{
    private const string HeadRow = "~card";
    private readonly TableClient _claims;
    private readonly TableClient _interactions;
    private readonly TableClient _ledger;
    private readonly TableEntity _claim;
    private readonly TableEntity _interaction;
    private readonly TableEntity _head;
    private readonly TableEntity _entry;
    private readonly Client[] _clients;

    private sealed class Client(string id)
    {
        public string Id { get; } = id;
        public SemaphoreSlim Turn { get; } = new(1, 1);
        public ETag HeadETag { get; set; }
    }

    private LogEmailFloor(TableServiceClient service, TableEntity claim, TableEntity interaction, TableEntity head, TableEntity entry, int clients)
    {
        _claims = service.GetTableClient("floorLoggedMessages");
        _interactions = service.GetTableClient("floorInteractions");
        _ledger = service.GetTableClient("floorLedger");
        (_claim, _interaction, _head, _entry) = (claim, interaction, head, entry);
        _clients = Enumerable.Range(0, clients).Select(c => new Client("floor-client-" + c.ToString(CultureInfo.InvariantCulture))).ToArray();
    }

    /// <summary>Copies one row of each kind from the app's tables (prefix <paramref name="appPrefix"/>) and creates the floor's tables and heads.</summary>
    public static async Task<LogEmailFloor> CreateAsync(string connectionString, string appPrefix, int clients)
    {
        var service = new TableServiceClient(connectionString, StorageModule.CreateClientOptions());
        var claim = await FirstAsync(service.GetTableClient(appPrefix + "LoggedMessages"), null);
        var interaction = await FirstAsync(service.GetTableClient(appPrefix + "Interactions"), TableClient.CreateQueryFilter($"RowKey lt {HeadRow}"));
        var head = await FirstAsync(service.GetTableClient(appPrefix + "Interactions"), TableClient.CreateQueryFilter($"RowKey eq {HeadRow}"));
        var entry = await FirstAsync(service.GetTableClient(appPrefix + "Ledger"), null);
        var floor = new LogEmailFloor(service, claim, interaction, head, entry, clients);
        await floor._claims.CreateIfNotExistsAsync();
        await floor._interactions.CreateIfNotExistsAsync();
        await floor._ledger.CreateIfNotExistsAsync();
        foreach (var client in floor._clients)
        {
            var added = await floor._interactions.AddEntityAsync(Copy(head, client.Id, HeadRow));
            client.HeadETag = added.Headers.ETag ?? throw new InvalidOperationException("Azurite gave no ETag for a new head.");
        }

        return floor;
    }

    /// <summary>One message's calls; <paramref name="message"/> is unique per run, <paramref name="sender"/> picks the client as the benchmark's messages do.</summary>
    public async Task<bool> LogAsync(string message, int sender)
    {
        var client = _clients[sender % _clients.Length];
        var claim = await _claims.AddEntityAsync(Copy(_claim, message, _claim.RowKey));
        if (claim.IsError)
        {
            return false;
        }

        await client.Turn.WaitAsync();
        try
        {
            var interaction = Copy(_interaction, client.Id, TableKeys.InvertedTicks(DateTimeOffset.UtcNow) + "-" + message);
            var results = await _interactions.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, interaction),
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, Copy(_head, client.Id, HeadRow), client.HeadETag),
            ]);
            client.HeadETag = results.Value[1].Headers.ETag ?? throw new InvalidOperationException("Azurite gave no ETag for a head.");
        }
        finally
        {
            client.Turn.Release();
        }

        var entry = await _ledger.AddEntityAsync(Copy(_entry, _entry.PartitionKey, "a-" + message));
        return !entry.IsError;
    }

    private static async Task<TableEntity> FirstAsync(TableClient table, string? filter)
    {
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1))
        {
            return row;
        }

        throw new InvalidOperationException($"The warm-up left no row in {table.Name} to copy ({filter ?? "any"}).");
    }

    /// <summary>The row's properties under new keys (without the service's Timestamp and ETag).</summary>
    private static TableEntity Copy(TableEntity template, string partitionKey, string rowKey)
    {
        var copy = new TableEntity(partitionKey, rowKey);
        foreach (var (name, value) in template)
        {
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            {
                copy[name] = value;
            }
        }

        return copy;
    }
}
