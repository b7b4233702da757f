using Azure;
using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

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
    /// <summary>Which request holds the claim: a request that meets its own claim (a retried add whose answer was lost) knows it is its own.</summary>
    public string? Owner { get; set; }
    /// <summary>The interaction's time: a request taking the claim over writes the same row even when the message had no sentAt.</summary>
    public DateTimeOffset? At { get; set; }
    public string? ClientId { get; set; }
    public string? ContactId { get; set; }
    public string? InteractionPartition { get; set; }
    public string? InteractionRow { get; set; }
    /// <summary>A repeat of the message by the user who logged it found everything after the interaction done (address index,
    /// tasks): later repeats need not ask the ledger again. Never set by the first request, which keeps it at three storage calls.</summary>
    public bool? Completed { get; set; }
}
