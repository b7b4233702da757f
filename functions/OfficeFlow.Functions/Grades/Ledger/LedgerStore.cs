using OfficeFlow.Functions.Grades.Computation;
using OfficeFlow.Functions.Storage;
using Azure.Data.Tables;

namespace OfficeFlow.Functions.Grades.Ledger;

/// <summary>What adding a manual entry did.</summary>
public enum LedgerAddOutcome
{
    Added,
    AlreadyRecorded,
}

/// <summary>The task ledger in Table Storage: one partition per month ("Ledger"), plus source markers ("LedgerSources").</summary>
public class LedgerStore(TableStore tables, GradesSettings settings)
{
    public const string LedgerTable = "Ledger";
    public const string SourcesTable = "LedgerSources";

    public TimeZoneInfo Zone => settings.Zone;

    public virtual async Task<IReadOnlyList<LedgerEntry>> ReadMonthAsync(GradesMonth month, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetTableAsync(LedgerTable, cancellationToken);
        var entries = new List<LedgerEntry>();
        await foreach (var entity in table.QueryAsync<LedgerEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {month.ToString()}"), cancellationToken: cancellationToken))
        {
            entries.Add(entity.ToEntry());
        }

        // Row keys are hashes; the workbook and the API list a month in time order.
        return entries.OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Adds an automatic entry once per SourceId: the marker is added first (409 = already there), then the
    /// entry where the marker says, so a crash between the two is healed by the next attempt.</summary>
    public virtual async Task<LedgerAddOutcome> AddAutomaticAsync(LedgerEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(entity.SourceId);
        var sources = await tables.GetTableAsync(SourcesTable, cancellationToken);
        var (pk, rk) = LedgerIds.SourceMarker(entity.SourceId);
        var marker = new LedgerSourceEntity { PartitionKey = pk, RowKey = rk, SourceId = entity.SourceId, Month = entity.PartitionKey, EntryRowKey = entity.RowKey };
        var markerResult = await sources.TryAddAsync(marker, cancellationToken);
        var outcome = LedgerAddOutcome.Added;
        if (markerResult == TableWriteStatus.AlreadyExists)
        {
            var existing = await sources.FindAsync<LedgerSourceEntity>(pk, rk, cancellationToken: cancellationToken)
                ?? throw new InvalidOperationException($"The ledger source marker for '{entity.SourceId}' vanished while being read.");
            entity.PartitionKey = existing.Month;
            entity.RowKey = existing.EntryRowKey;
            outcome = LedgerAddOutcome.AlreadyRecorded;
        }

        var ledger = await tables.GetTableAsync(LedgerTable, cancellationToken);
        var added = await ledger.TryAddAsync(entity, cancellationToken);
        return added == TableWriteStatus.AlreadyExists ? LedgerAddOutcome.AlreadyRecorded : outcome;
    }

    /// <summary>Adds a manual entry; the row key comes from the request id, so a repeated request adds nothing.</summary>
    public virtual async Task<LedgerAddOutcome> AddManualAsync(LedgerEntity entity, CancellationToken cancellationToken = default)
    {
        var ledger = await tables.GetTableAsync(LedgerTable, cancellationToken);
        var result = await ledger.TryAddAsync(entity, cancellationToken);
        return result == TableWriteStatus.AlreadyExists ? LedgerAddOutcome.AlreadyRecorded : LedgerAddOutcome.Added;
    }

    public virtual async Task<LedgerEntity?> GetAsync(GradesMonth month, string rowKey, CancellationToken cancellationToken = default)
    {
        var ledger = await tables.GetTableAsync(LedgerTable, cancellationToken);
        return await ledger.FindAsync<LedgerEntity>(month.ToString(), rowKey, cancellationToken: cancellationToken);
    }

    /// <summary>Deletes an entry if it is unchanged since it was read (ETag), so a concurrent edit is not lost.</summary>
    public virtual async Task<TableWriteStatus> DeleteAsync(LedgerEntity entity, CancellationToken cancellationToken = default)
    {
        var ledger = await tables.GetTableAsync(LedgerTable, cancellationToken);
        return await ledger.TryDeleteAsync(entity.PartitionKey, entity.RowKey, entity.ETag, cancellationToken);
    }
}
