using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Firm;

/// <summary>The firm's saved requisites and the ETag they were read with.</summary>
public sealed record StoredFirm(FirmRequisites Requisites, ETag ETag);

/// <summary>How a save ended: saved with a new ETag, or refused because someone saved in between (or the caller
/// did not say which version it edits).</summary>
public enum FirmSaveStatus
{
    Saved,
    Stale,
    IfMatchRequired,
}

/// <summary>
/// The storage boundary of the firm record: one row (table Firm, PK "firm", RK "requisites") holding the requisites as
/// JSON, so a field added later needs no schema change. Writes are conditional: the first save is an insert, every
/// later one replaces the version the admin read (If-Match), so two admins never overwrite each other silently.
/// </summary>
public class FirmStore(TableStore tables)
{
    public const string TableName = "Firm";
    private const string Partition = "firm";
    private const string Row = "requisites";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public virtual async Task<StoredFirm?> ReadAsync(CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var row = await table.FindAsync<FirmEntity>(Partition, Row, cancellationToken: ct).ConfigureAwait(false);
        return row is null ? null : new StoredFirm(JsonSerializer.Deserialize<FirmRequisites>(row.Json, Json)!, row.ETag);
    }

    /// <summary>Saves over <paramref name="ifMatch"/> (the ETag the admin read), or inserts when there is none yet.</summary>
    public virtual async Task<(FirmSaveStatus Status, ETag ETag)> SaveAsync(FirmRequisites firm, ETag? ifMatch, CancellationToken ct)
    {
        var table = await tables.GetTableAsync(TableName, ct).ConfigureAwait(false);
        var entity = new FirmEntity { PartitionKey = Partition, RowKey = Row, Json = JsonSerializer.Serialize(firm, Json) };
        if (ifMatch is not { } etag)
        {
            var added = await table.TryAddAsync(entity, ct).ConfigureAwait(false);
            return added == TableWriteStatus.Ok ? (FirmSaveStatus.Saved, entity.ETag) : (FirmSaveStatus.IfMatchRequired, default);
        }

        try
        {
            var updated = await table.TryUpdateAsync(entity, etag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            return updated == TableWriteStatus.Ok ? (FirmSaveStatus.Saved, entity.ETag) : (FirmSaveStatus.Stale, default);
        }
        catch (RequestFailedException e) when (e.Status == 400)
        {
            // An If-Match that storage never issued (typed by hand, cut short) is refused as malformed: for the admin
            // it is the same as a stale one — read again and repeat.
            return (FirmSaveStatus.Stale, default);
        }
    }
}

public sealed class FirmEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Json { get; set; } = "{}";
}
