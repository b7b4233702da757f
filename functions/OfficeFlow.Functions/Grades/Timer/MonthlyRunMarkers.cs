using Azure;
using OfficeFlow.Functions.Storage;
using OfficeFlow.Storage;

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
        var added = await table.AddEntityAsync(marker, cancellationToken);
        if (added.Succeeded)
        {
            marker.ETag = added.ETag;
            return marker;
        }

        var existing = await table.GetEntityIfExistsAsync<MonthlyRunEntity>(month, MailRow, cancellationToken: cancellationToken);
        if (existing is null || existing.State == "sent" || now - existing.ClaimedAt < StaleClaim)
        {
            return null;
        }

        existing.ClaimedAt = now;
        var taken = await table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken);
        if (!taken.Succeeded)
        {
            return null;
        }

        existing.ETag = taken.ETag;
        return existing;
    }

    public async Task MarkSentAsync(MonthlyRunEntity claim, DateTimeOffset now, string location, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(Table, cancellationToken);
        claim.State = "sent";
        claim.SentAt = now;
        claim.Location = location;
        await table.UpdateEntityAsync(claim, claim.ETag, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<MonthlyRunEntity?> GetAsync(string month, CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(Table, cancellationToken);
        return await table.GetEntityIfExistsAsync<MonthlyRunEntity>(month, MailRow, cancellationToken: cancellationToken);
    }
}
