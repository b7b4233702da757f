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

/// <summary>The task ledger in Table Storage: one partition per month ("Ledger"). Until 2026-11 automatic entries
/// also had a marker row in "LedgerSources"; that table is left as it is and no longer used.</summary>
public class LedgerStore(TableStore tables, GradesSettings settings)
{
    public const string LedgerTable = "Ledger";

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

    /// <summary>Adds an automatic entry once per SourceId with one conditional add: its row key is the source's hash, so
    /// a repeated or concurrent add of the same event in the same month is a 409, read as "already recorded". The month
    /// comes from the event's time, which callers take from the thing recorded (see <see cref="TaskEvent"/>), so a
    /// retry lands in the same partition. Rows of the old layout (entry plus a "LedgerSources" marker) read the same:
    /// the entry's keys were already these; the markers are no longer written or read.</summary>
    public virtual async Task<LedgerAddOutcome> AddAutomaticAsync(LedgerEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(entity.SourceId);
        var ledger = await tables.GetTableAsync(LedgerTable, cancellationToken);
        var added = await ledger.TryAddAsync(entity, cancellationToken);
        return added == TableWriteStatus.AlreadyExists ? LedgerAddOutcome.AlreadyRecorded : LedgerAddOutcome.Added;
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
