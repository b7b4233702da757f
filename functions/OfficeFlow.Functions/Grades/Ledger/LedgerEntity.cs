using System.Runtime.Serialization;
using Azure;
using OfficeFlow.Functions.Grades.Computation;
using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Grades.Ledger;

/// <summary>
/// A ledger row in the "Ledger" table. PartitionKey is the month (yyyy-MM, firm's time zone), so a month
/// reads in one query; RowKey is "a-" + a hash of the SourceId for automatic entries (the same event
/// can only be added once) and "m-" + a hash of employee and request id for manual ones.
/// </summary>
public sealed class LedgerEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string EmployeeId { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string TaskCode { get; set; } = "";
    public LedgerSource Source { get; set; }
    public string? ClientId { get; set; }
    public string? ClientName { get; set; }
    public int? Minutes { get; set; }
    public string? SourceId { get; set; }
    public string? Note { get; set; }

    /// <summary>The entry's id in the API: month and row key, e.g. "2026-10~m-3f2a…".</summary>
    // Derived from the keys: not a stored property (the official client would write every readable property).
    [IgnoreDataMember]
    public string Id => LedgerIds.Format(PartitionKey, RowKey);

    public LedgerEntry ToEntry() => new(Id, EmployeeId, At, TaskCode, Source, ClientId, ClientName, Minutes, SourceId, Note);
}
