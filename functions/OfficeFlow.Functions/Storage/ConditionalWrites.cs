using Azure;
using Azure.Data.Tables;

namespace OfficeFlow.Functions.Storage;

/// <summary>How a conditional single-entity write ended. The expected outcomes of a conditional write are
/// values here, because the callers decide on them (retry, "already done", 412 to the user); every other
/// failure stays a <see cref="RequestFailedException"/>.</summary>
public enum TableWriteStatus
{
    /// <summary>Applied; the entity's <see cref="ITableEntity.ETag"/> is now the stored one.</summary>
    Ok,
    /// <summary>An add found an entity with the same keys (409 EntityAlreadyExists).</summary>
    AlreadyExists,
    /// <summary>The ETag did not match: someone else changed the entity first (412).</summary>
    Conflict,
    /// <summary>An update or delete found no entity with these keys (404, the table itself exists).</summary>
    NotFound,
}

/// <summary>
/// The conditional writes of Azure.Data.Tables with their expected failures (409, 412, 404) turned into a
/// <see cref="TableWriteStatus"/>. Each write also puts the new ETag on the entity, as the next conditional
/// write of the same row needs it and the official client leaves the entity untouched.
/// </summary>
public static class ConditionalWrites
{
    /// <summary>Adds the entity; <see cref="TableWriteStatus.AlreadyExists"/> when its keys are taken.</summary>
    public static async Task<TableWriteStatus> TryAddAsync<T>(this TableClient table, T entity, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        try
        {
            var response = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            entity.ETag = response.Headers.ETag ?? default;
            return TableWriteStatus.Ok;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return TableWriteStatus.AlreadyExists;
        }
    }

    /// <summary>Updates when the stored ETag is <paramref name="ifMatch"/> (<see cref="ETag.All"/>: whatever is stored).</summary>
    public static async Task<TableWriteStatus> TryUpdateAsync<T>(this TableClient table, T entity, ETag ifMatch, TableUpdateMode mode, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        try
        {
            var response = await table.UpdateEntityAsync(entity, ifMatch, mode, cancellationToken).ConfigureAwait(false);
            entity.ETag = response.Headers.ETag ?? default;
            return TableWriteStatus.Ok;
        }
        catch (RequestFailedException e) when (Expected(e.Status, e.ErrorCode) is { } outcome)
        {
            return outcome;
        }
    }

    /// <summary>Deletes when the stored ETag is <paramref name="ifMatch"/> (default: whatever is stored).</summary>
    public static async Task<TableWriteStatus> TryDeleteAsync(this TableClient table, string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        try
        {
            // The official client answers a missing entity with a 404 response rather than an exception.
            var response = await table.DeleteEntityAsync(partitionKey, rowKey, ifMatch == default ? ETag.All : ifMatch, cancellationToken).ConfigureAwait(false);
            return response.Status == 404
                ? Expected(404, response.Headers.TryGetValue("x-ms-error-code", out var code) ? code : null)
                  ?? throw new RequestFailedException(response)
                : TableWriteStatus.Ok;
        }
        catch (RequestFailedException e) when (Expected(e.Status, e.ErrorCode) is { } outcome)
        {
            return outcome;
        }
    }

    /// <summary>Inserts or replaces/merges unconditionally, and keeps the new ETag on the entity.</summary>
    public static async Task UpsertAsync<T>(this TableClient table, T entity, TableUpdateMode mode, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        var response = await table.UpsertEntityAsync(entity, mode, cancellationToken).ConfigureAwait(false);
        entity.ETag = response.Headers.ETag ?? default;
    }

    /// <summary>One entity, or null when there is none.</summary>
    public static async Task<T?> FindAsync<T>(this TableClient table, string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var response = await table.GetEntityIfExistsAsync<T>(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    // A missing *table* is not an expected outcome: TableStore creates every table, so it means a bug or a deleted table.
    private static TableWriteStatus? Expected(int status, string? errorCode) => status switch
    {
        409 => TableWriteStatus.AlreadyExists,
        412 => TableWriteStatus.Conflict,
        404 when errorCode != "TableNotFound" => TableWriteStatus.NotFound,
        _ => null,
    };
}
