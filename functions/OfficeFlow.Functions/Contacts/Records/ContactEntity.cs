using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Contacts.Records;

/// <summary>
/// A person. Table "Contacts": PartitionKey = client id (or <see cref="NoClient"/> for a free-mail sender
/// without a company), RowKey = contact id, derived from the first e-mail address so that creating the same
/// person twice (even concurrently) lands on the same row.
/// </summary>
public sealed class ContactEntity : ITableEntity
{
    public const string NoClient = "noclient";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string? Position { get; set; }
    /// <summary>Lower-case addresses, comma-separated; the first is the one the id came from.</summary>
    public string Emails { get; set; } = "";
    /// <summary>Phones in RFC 3966 style ("+74951234567;ext=12"), comma-separated.</summary>
    public string? Phones { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    // Derived from the keys: not a stored property (the official client would write every readable property).
    [IgnoreDataMember]
    public string Id => RowKey;
    [IgnoreDataMember]
    public string? ClientId => PartitionKey == NoClient ? null : PartitionKey;
}
