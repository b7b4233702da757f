using Azure;
using OfficeFlow.Functions.Storage;
using Azure.Data.Tables;

namespace OfficeFlow.Functions.Grades.Timer;

/// <summary>The "GradesRuns" row of one month's mail: written before sending (claim), updated after (outcome).</summary>
public sealed class MonthlyRunEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>"sending" while a run holds the claim, "sent" once the mail went out.</summary>
    public string State { get; set; } = "";
    public DateTimeOffset ClaimedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? Location { get; set; }
}

/// <summary>
/// Makes the monthly mail go out once: a run claims the month by adding the marker (409 = another run has it),
/// sends, then marks it sent. A claim left "sending" by a crashed run is taken over after
/// <see cref="StaleClaim"/> with an ETag update, so two runs can never both take it.
/// </summary>
public sealed class MonthlyRunMarkers(TableStore tables)
{
    public const string Table = "GradesRuns";
    public const string MailRow = "accountant-mail";
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(15);

    public async Task<MonthlyRunEntity?> TryClaimAsync(string month, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(Table, cancellationToken);
        var marker = new MonthlyRunEntity { PartitionKey = month, RowKey = MailRow, State = "sending", ClaimedAt = now };
        var added = await table.TryAddAsync(marker, cancellationToken);
        if (added == TableWriteStatus.Ok)
        {
            return marker;
        }

        var existing = await table.FindAsync<MonthlyRunEntity>(month, MailRow, cancellationToken: cancellationToken);
        if (existing is null || existing.State == "sent" || now - existing.ClaimedAt < StaleClaim)
        {
            return null;
        }

        existing.ClaimedAt = now;
        var taken = await table.TryUpdateAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken);
        if (taken != TableWriteStatus.Ok)
        {
            return null;
        }

        return existing;
    }

    public async Task MarkSentAsync(MonthlyRunEntity claim, DateTimeOffset now, string location, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(Table, cancellationToken);
        claim.State = "sent";
        claim.SentAt = now;
        claim.Location = location;
        // Unconditional on purpose: the mail went out, and that fact must be stored whoever holds the claim now. If this
        // run was so slow that another took its claim over (StaleClaim), an ETag guard would fail here and leave the row
        // "sending", and a later run would send the workbook yet again.
        await table.UpsertAsync(claim, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<MonthlyRunEntity?> GetAsync(string month, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(Table, cancellationToken);
        return await table.FindAsync<MonthlyRunEntity>(month, MailRow, cancellationToken: cancellationToken);
    }
}
