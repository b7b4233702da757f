using Azure;

namespace OfficeFlow.Storage;

/// <summary>
/// Operations on one table, shaped like Azure.Data.Tables.TableClient so it can be swapped for
/// the official client in one place. Every method checks its arguments first and takes a
/// <see cref="CancellationToken"/>. Unexpected service failures throw <see cref="RequestFailedException"/>;
/// the expected ones (409, 412, 404) come back as <see cref="TableWriteStatus"/> values or null.
/// </summary>
public class TableClient
{
    protected TableClient() { }

    public virtual string Name => throw new NotImplementedException();

    /// <summary>Creates the table unless it exists already.</summary>
    public virtual Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Deletes the table; a missing table is not an error.</summary>
    public virtual Task DeleteAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Inserts; an existing entity with the same keys gives <see cref="TableWriteStatus.AlreadyExists"/>.</summary>
    public virtual Task<TableWriteResult> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
        where T : class, ITableEntity => throw new NotImplementedException();

    /// <summary>Inserts or merges/replaces unconditionally.</summary>
    public virtual Task<TableWriteResult> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : class, ITableEntity => throw new NotImplementedException();

    /// <summary>Updates only when the stored ETag equals <paramref name="ifMatch"/> (use <see cref="ETag.All"/> for any):
    /// a mismatch gives <see cref="TableWriteStatus.Conflict"/>, a missing entity <see cref="TableWriteStatus.NotFound"/>.</summary>
    public virtual Task<TableWriteResult> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : class, ITableEntity => throw new NotImplementedException();

    /// <summary>Reads one entity, or null when there is none.</summary>
    public virtual Task<T?> GetEntityIfExistsAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new() => throw new NotImplementedException();

    /// <summary>Streams every matching entity, following continuation tokens page by page.
    /// Build <paramref name="filter"/> with <see cref="CreateQueryFilter(FormattableString)"/>.</summary>
    public virtual IAsyncEnumerable<T> QueryAsync<T>(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new() => throw new NotImplementedException();

    /// <summary>Deletes when the ETag matches (default: any). A missing entity gives <see cref="TableWriteStatus.NotFound"/>.</summary>
    public virtual Task<TableWriteResult> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <summary>Entity-group transaction: up to 100 actions in one partition, all or nothing.
    /// On failure throws <see cref="TableTransactionFailedException"/> naming the failing action's index.</summary>
    public virtual Task<IReadOnlyList<TableWriteResult>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <summary>Builds an OData filter with every interpolated value escaped and typed:
    /// <c>CreateQueryFilter($"PartitionKey eq {month} and Amount gt {100L}")</c>. User input is never concatenated raw.</summary>
    public static string CreateQueryFilter(FormattableString filter) => throw new NotImplementedException();
}
