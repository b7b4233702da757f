using Azure;
using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Contacts.Sync;

/// <summary>
/// Table "MailboxSyncState": PartitionKey = mailbox (lower case), RowKey = folder ("inbox", "sentitems").
/// <see cref="Link"/> is where the next run starts: a page's nextLink while a round is under way (so a crash
/// resumes at that page), the deltaLink once a round is complete.
/// </summary>
public sealed class SyncStateEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Link { get; set; } = "";
    /// <summary>True when <see cref="Link"/> is a deltaLink (the round finished), false for a nextLink.</summary>
    public bool RoundComplete { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
