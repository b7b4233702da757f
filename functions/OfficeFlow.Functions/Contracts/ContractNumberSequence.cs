using Azure;
using OfficeFlow.Functions.Storage;
using Azure.Data.Tables;

namespace OfficeFlow.Functions.Contracts;

/// <summary>
/// Hands out contract numbers from a per-year counter entity (table <c>ContractNumbers</c>, PK "counter",
/// RK the year). Each number is taken by an ETag-conditional update, so concurrent callers never get the
/// same number and none is skipped: a caller that loses the race (412) reads again and retries.
/// </summary>
public class ContractNumberSequence(TableStore tables, ContentionRetry retry)
{
    public const string TableName = "ContractNumbers";

    /// <summary>On the system clock, for code built without dependency injection.</summary>
    public ContractNumberSequence(TableStore tables) : this(tables, ContentionRetry.System) { }

    /// <summary>The next number of the year, starting at 1.</summary>
    public virtual async Task<int> NextAsync(int year, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var rowKey = year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
        return await ContentionRetry.RunAsync(retry.SequenceClaim, $"Taking a contract number for {year}", async () =>
        {
            var counter = await table.FindAsync<ContractCounterEntity>("counter", rowKey, cancellationToken: cancellationToken);
            if (counter is null)
            {
                return await table.TryAddAsync(new ContractCounterEntity { PartitionKey = "counter", RowKey = rowKey, Last = 1 }, cancellationToken) == TableWriteStatus.Ok
                    ? 1
                    : throw new WriteConflictException();
            }

            var next = counter.Last + 1;
            var etag = counter.ETag;
            counter.Last = next;
            // Lost the race to another request (412): the pipeline pauses and this reads the counter again.
            return await table.TryUpdateAsync(counter, etag, TableUpdateMode.Replace, cancellationToken) == TableWriteStatus.Ok
                ? next
                : throw new WriteConflictException();
        }, cancellationToken);
    }
}

/// <summary>The last contract number issued in a year.</summary>
public sealed class ContractCounterEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public int Last { get; set; }
}
