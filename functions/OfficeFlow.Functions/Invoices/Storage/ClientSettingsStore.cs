using Azure;
using OfficeFlow.Functions.Storage;
using Azure.Data.Tables;

namespace OfficeFlow.Functions.Invoices.Storage;

/// <summary>Per-client invoice settings ("do not remind"), one row per client in the InvoiceClients table (PK "client", RK client id).</summary>
public class ClientSettingsStore(TableStore tables)
{
    public const string TableName = "InvoiceClients";
    private const string Partition = "client";

    public virtual async Task<bool> IsDoNotRemindAsync(string clientId, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var row = await table.FindAsync<ClientSettingsEntity>(Partition, clientId, cancellationToken: ct).ConfigureAwait(false);
        return row?.DoNotRemind ?? false;
    }

    /// <summary>All clients that asked not to be reminded (the timer reads this once per run).</summary>
    public virtual async Task<IReadOnlySet<string>> DoNotRemindClientsAsync(CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var set = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<ClientSettingsEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and DoNotRemind eq {true}"), cancellationToken: ct).ConfigureAwait(false))
        {
            set.Add(row.RowKey);
        }

        return set;
    }

    /// <summary>Sets the flag; setting it twice is the same as once.</summary>
    public virtual async Task SetDoNotRemindAsync(string clientId, bool doNotRemind, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        await table.UpsertAsync(new ClientSettingsEntity { PartitionKey = Partition, RowKey = clientId, DoNotRemind = doNotRemind }, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }
}

public sealed class ClientSettingsEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public bool DoNotRemind { get; set; }
}
