using Azure;

namespace OfficeFlow.Storage;

/// <summary>What one action of an entity-group transaction does.</summary>
public enum TableTransactionActionType
{
    Add,
    UpsertMerge,
    UpsertReplace,
    UpdateMerge,
    UpdateReplace,
    Delete,
}

/// <summary>One action of an entity-group transaction; <see cref="ETag"/> guards updates and deletes (default: any).</summary>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, ITableEntity Entity, ETag ETag = default);
