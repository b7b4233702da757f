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

    // Derived from the keys: not a stored property (the official client would write every readable property).
    [IgnoreDataMember]
    public string Id => PartitionKey;
}

/// <summary>The values of <see cref="ClientEntity.Status"/>.</summary>
public static class ClientStatus
{
    public const string Active = "active";
    public const string Merged = "merged";
}
