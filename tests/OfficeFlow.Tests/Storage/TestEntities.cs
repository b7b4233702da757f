using Azure;
using Azure.Data.Tables;

namespace OfficeFlow.Tests.Storage;

/// <summary>A small entity for operations tests.</summary>
public sealed class Note : ITableEntity
{
    public Note() { }

    public Note(string partitionKey, string rowKey, string? text = null, int count = 0)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
        Text = text;
        Count = count;
    }

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string? Text { get; set; }
    public int Count { get; set; }
    public string? Extra { get; set; }
}
