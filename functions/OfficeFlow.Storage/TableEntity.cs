using Azure;

namespace OfficeFlow.Storage;

/// <summary>A dynamic entity: any properties by name, for code that does not have a class per table.</summary>
public sealed class TableEntity : Dictionary<string, object?>, ITableEntity
{
    public TableEntity() : base(StringComparer.Ordinal) { }

    public TableEntity(string partitionKey, string rowKey) : this()
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
}
