using Azure;
using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Contacts.Records;

/// <summary>
/// One "Событие" on a client's timeline. Table "Interactions": PartitionKey = client id (or "contact-{id}" for a
/// contact without a company), RowKey = <see cref="TableKeys.InvertedTicks"/>(time) + "-" + message hash, so a
/// partition query returns the newest first and the same message always has the same key.
/// </summary>
public sealed class InteractionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? ClientId { get; set; }
    public string ContactId { get; set; } = "";
    public InteractionDirection Direction { get; set; }
    public InteractionChannel Channel { get; set; }
    public string? Subject { get; set; }
    public string? Snippet { get; set; }
    public DateTimeOffset At { get; set; }
    public string? InternetMessageId { get; set; }
    public string? ItemId { get; set; }
    public string LoggedBy { get; set; } = "";
    public string? LoggedByName { get; set; }
    public DateTimeOffset LoggedAt { get; set; }
    /// <summary>"add-in" or "mailbox-sync".</summary>
    public string Source { get; set; } = "";
}

public enum InteractionDirection
{
    In,
    Out,
}

public enum InteractionChannel
{
    Email,
    Phone,
    Visit,
}
