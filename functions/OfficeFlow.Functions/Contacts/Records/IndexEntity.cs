using Azure;
using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Contacts.Records;

/// <summary>
/// Table "ClientIndex". Exact look-ups for matching: PartitionKey "domain" / "inn" / "email", RowKey the value,
/// pointing at a client (and a contact for "email"); added with add-then-409 so the first writer owns the value.
/// Prefix search: PartitionKey "s-" + the token's first character, RowKey token + "|" + client id, carrying
/// the client's display fields so a search needs no further reads; a contact's name word or phone digits: RowKey
/// token + "|" + client id + "|" + contact id, with <see cref="ContactId"/> and <see cref="ContactName"/>.
/// </summary>
public sealed class IndexEntity : ITableEntity
{
    public const string DomainPartition = "domain";
    public const string InnPartition = "inn";
    public const string EmailPartition = "email";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ClientId { get; set; } = "";
    public string? ContactId { get; set; }
    /// <summary>Search rows only: what a result line shows.</summary>
    public string? ClientName { get; set; }
    public string? Inn { get; set; }
    public string? Domains { get; set; }
    /// <summary>A contact's search rows only: the contact's name, shown beside its client.</summary>
    public string? ContactName { get; set; }
}
