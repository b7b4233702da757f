using Azure;
using OfficeFlow.Storage;

namespace OfficeFlow.Tests.Storage;

public enum InvoiceState
{
    Draft,
    Sent,
    Paid,
}

/// <summary>An entity with one property of every supported type, plus nullable variants.</summary>
public sealed class AllTypesEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? Text { get; set; }
    public bool Flag { get; set; }
    public int Number { get; set; }
    public long Big { get; set; }
    public double Ratio { get; set; }
    public decimal Amount { get; set; }
    public DateTimeOffset When { get; set; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public DateTime WhenUtc { get; set; } = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public Guid Id { get; set; }
    public byte[]? Data { get; set; }
    public InvoiceState State { get; set; }

    public int? MaybeNumber { get; set; }
    public long? MaybeBig { get; set; }
    public decimal? MaybeAmount { get; set; }
    public DateTimeOffset? MaybeWhen { get; set; }
    public Guid? MaybeId { get; set; }
    public InvoiceState? MaybeState { get; set; }
    public bool? MaybeFlag { get; set; }
    public double? MaybeRatio { get; set; }
}

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
