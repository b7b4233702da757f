using Azure;
using OfficeFlow.Storage;

namespace OfficeFlow.Functions.Contacts.Records;

/// <summary>
/// Table "LoggedMessages": PartitionKey = SHA-256 of the internetMessageId, RowKey = "claim". The first request
/// for a message adds it, naming where the interaction goes; others get 409 and wait for that interaction to
/// exist, so a message is logged once however many identical requests arrive together (see MessageClaims).
/// </summary>
public sealed class MessageClaimEntity : ITableEntity
{
    public const string Row = "claim";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset ClaimedAt { get; set; }
    public string? ClientId { get; set; }
    public string? ContactId { get; set; }
    public string? InteractionPartition { get; set; }
    public string? InteractionRow { get; set; }
}
