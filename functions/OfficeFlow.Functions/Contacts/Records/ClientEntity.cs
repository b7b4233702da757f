using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Contacts.Records;

/// <summary>A client company. Table "Clients": PartitionKey = client id, RowKey = "client" (one row per partition, point reads).</summary>
public sealed class ClientEntity : ITableEntity
{
    public const string Row = "client";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string? LegalForm { get; set; }
    public string? Inn { get; set; }
    public string? Kpp { get; set; }
    public string? Ogrn { get; set; }
    /// <summary>E-mail domains, comma-separated, lower case.</summary>
    public string? Domains { get; set; }
    public string? Website { get; set; }
    public string? Address { get; set; }
    public string? BankName { get; set; }
    public string? Bik { get; set; }
    public string? SettlementAccount { get; set; }
    public string? CorrespondentAccount { get; set; }
    public string? SignatoryName { get; set; }
    public string? SignatoryPosition { get; set; }
    /// <summary>What the signatory acts on, e.g. "Устава".</summary>
    public string? SignatoryBasis { get; set; }
    /// <summary>"active" or "merged".</summary>
    public string Status { get; set; } = ClientStatus.Active;
    /// <summary>Where a merged client's contacts and interactions went.</summary>
    public string? MergedInto { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The search tokens indexed for this client (space-separated), so a rename can remove the old ones.</summary>
    public string? SearchTokens { get; set; }
    /// <summary>The hash of the message whose signature created this client (null for clients made otherwise): a retry of that
    /// message can then tell it still owes task 5.4 for the client, which it did not create itself.</summary>
    public string? CreatedForMessage { get; set; }
    /// <summary>An existing client this one may be the same company as (same name, but the legal form or the INN could not
    /// confirm it), set when the client was created from a free-mail sender's signature; the card offers to merge them.</summary>
    public string? PossibleDuplicateOf { get; set; }
    /// <summary>That client's display name when the flag was set.</summary>
    public string? PossibleDuplicateOfName { get; set; }

    // Derived from the keys: not a stored property (the official client would write every readable property).
    [IgnoreDataMember]
    public string Id => PartitionKey;

    /// <summary>The name as documents and lists print it, with the legal form («ООО «Ромашка»»); the bare name when there is none.</summary>
    [IgnoreDataMember]
    public string DisplayName => LegalForm is { Length: > 0 } form ? new Extraction.CompanyName(form, Name).Display : Name;
}

/// <summary>The values of <see cref="ClientEntity.Status"/>.</summary>
public static class ClientStatus
{
    public const string Active = "active";
    public const string Merged = "merged";
}
