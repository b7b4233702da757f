using Azure;

namespace OfficeFlow.Storage;

/// <summary>The system properties every Table Storage entity has (same shape as Azure.Data.Tables.ITableEntity).</summary>
public interface ITableEntity
{
    string PartitionKey { get; set; }
    string RowKey { get; set; }
    DateTimeOffset? Timestamp { get; set; }
    ETag ETag { get; set; }
}
