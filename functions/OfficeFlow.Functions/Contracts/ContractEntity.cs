using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Contracts;

/// <summary>
/// A generated contract's metadata in table <c>Contracts</c>: PK the year, RK the number ("2026-0015").
/// The rendered data is kept (when it fits an entity property) so a repeated request returns the same document.
/// </summary>
public sealed class ContractEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Number { get; set; } = "";
    public DateTimeOffset Date { get; set; }
    public string ClientId { get; set; } = "";
    public string ClientName { get; set; } = "";
    public string TemplateId { get; set; } = "";
    // Money: invariant text under the property's old name, read and written through StoredMoney.
    [DataMember(Name = nameof(Amount))]
    public string AmountText { get; set; } = "0";
    [IgnoreDataMember]
    public decimal Amount { get => StoredMoney.Parse(AmountText, nameof(Amount)); set => AmountText = StoredMoney.Format(value); }
    public string CreatedById { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public string? RequestId { get; set; }
    public string? ArchiveLocation { get; set; }
    public string? DataJson { get; set; }
}

/// <summary>Claims a request id before a number is taken (PK "request", RK the id), so a repeated POST never takes a second number.</summary>
public sealed class ContractRequestEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string? Number { get; set; }
    /// <summary>When the claim was taken (the app's clock), to tell a crashed request's claim from one in progress.</summary>
    public DateTimeOffset? ClaimedAt { get; set; }
}
