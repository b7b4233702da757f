using Azure;

namespace OfficeFlow.Storage;

/// <summary>How a single-entity write ended. Expected outcomes (409, 412, 404) are values, not exceptions.</summary>
public enum TableWriteStatus
{
    /// <summary>The write was applied; <see cref="TableWriteResult.ETag"/> is the entity's new ETag.</summary>
    Ok,
    /// <summary>Add found an entity with the same keys (HTTP 409 EntityAlreadyExists).</summary>
    AlreadyExists,
    /// <summary>The ETag did not match: someone else changed the entity first (HTTP 412).</summary>
    Conflict,
    /// <summary>Update or delete found no entity with these keys (HTTP 404).</summary>
    NotFound,
}

/// <summary>The outcome of a single-entity write.</summary>
public readonly record struct TableWriteResult(TableWriteStatus Status, ETag ETag)
{
    public bool Succeeded => Status == TableWriteStatus.Ok;
}
