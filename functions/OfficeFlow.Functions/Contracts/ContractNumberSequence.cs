using Azure;
using OfficeFlow.Functions.Storage;
using Azure.Data.Tables;

namespace OfficeFlow.Functions.Contracts;

/// <summary>
/// Hands out contract numbers from a per-year counter entity (table <c>ContractNumbers</c>, PK "counter",
/// RK the year). Each number is taken by an ETag-conditional update, so concurrent callers never get the
/// same number and none is skipped: a caller that loses the race (412) reads again and retries.
/// </summary>
public class ContractNumberSequence(TableStore tables)
{
    public const string TableName = "ContractNumbers";
    private const int MaxAttempts = 100;

    /// <summary>The next number of the year, starting at 1.</summary>
    public virtual async Task<int> NextAsync(int year, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetTableAsync(TableName, cancellationToken);
        var rowKey = year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var counter = await table.FindAsync<ContractCounterEntity>("counter", rowKey, cancellationToken: cancellationToken);
            if (counter is null)
            {
                var first = await table.TryAddAsync(new ContractCounterEntity { PartitionKey = "counter", RowKey = rowKey, Last = 1 }, cancellationToken);
                if (first == TableWriteStatus.Ok)
                {
                    return 1;
                }

                continue;
            }

            var next = counter.Last + 1;
            var etag = counter.ETag;
            counter.Last = next;
            var update = await table.TryUpdateAsync(counter, etag, TableUpdateMode.Replace, cancellationToken);
            if (update == TableWriteStatus.Ok)
            {
                return next;
            }

            // Lost the race to another request: back off a little (randomised so racers spread out) and re-read.
            await Task.Delay(Random.Shared.Next(1, 5 + attempt * 3), cancellationToken);
        }

        throw new InvalidOperationException($"Could not take a contract number for {year} after {MaxAttempts} attempts; storage is too contended.");
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
