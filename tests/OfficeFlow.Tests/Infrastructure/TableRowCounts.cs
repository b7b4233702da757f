using Azure.Data.Tables;

namespace OfficeFlow.Tests.Infrastructure;

/// <summary>How many rows each table of one app (one Storage:TablePrefix) holds: compared before and after requests
/// that were refused, to show they stored nothing.</summary>
public static class TableRowCounts
{
    public static async Task<IReadOnlyDictionary<string, int>> ReadAsync(TableServiceClient service, string prefix, CancellationToken cancellationToken = default)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}");
        await foreach (var table in service.QueryAsync(filter, cancellationToken: cancellationToken))
        {
            var name = table.Name;
            var rows = 0;
            await foreach (var _ in service.GetTableClient(name).QueryAsync<TableEntity>(select: ["RowKey"], cancellationToken: cancellationToken))
            {
                rows++;
            }

            counts[name[prefix.Length..]] = rows;
        }

        return counts;
    }

    /// <summary>"Contacts 3→4, Interactions 0→1" for the tables whose counts differ; empty when none does.</summary>
    public static string Difference(IReadOnlyDictionary<string, int> before, IReadOnlyDictionary<string, int> after) =>
        string.Join(", ", before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(t => (Table: t, Before: before.GetValueOrDefault(t), After: after.GetValueOrDefault(t)))
            .Where(t => t.Before != t.After)
            .Select(t => $"{t.Table} {t.Before}→{t.After}"));
}
