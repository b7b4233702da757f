using Azure;
using OfficeFlow.Storage;

namespace OfficeFlow.Functions.Contacts.Cards.Heads;

/// <summary>
/// The stored <see cref="CardHead"/> of a client. It lives in the "Interactions" table, in the client's own
/// partition (RowKey <see cref="Row"/>), so that an interaction and the head that lists it are written by one
/// entity-group transaction: the head can never miss an interaction that was stored. "~" sorts after the
/// inverted-ticks row keys of interactions, and interaction queries stop below it (<see cref="InteractionRows"/>).
/// The content is JSON cut into parts, because a string property holds at most 32K characters.
/// </summary>
public sealed class CardHeadEntity : ITableEntity
{
    public const string Row = "~card";
    public const int PartLength = 30_000;
    public const int MaxParts = 8;

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Version { get; set; } = 1;
    public string? Part0 { get; set; }
    public string? Part1 { get; set; }
    public string? Part2 { get; set; }
    public string? Part3 { get; set; }
    public string? Part4 { get; set; }
    public string? Part5 { get; set; }
    public string? Part6 { get; set; }
    public string? Part7 { get; set; }

    public string Json => string.Concat(Part0, Part1, Part2, Part3, Part4, Part5, Part6, Part7);

    /// <returns>False when the JSON does not fit into <see cref="MaxParts"/> parts.</returns>
    public bool TrySetJson(string json)
    {
        if (json.Length > PartLength * MaxParts)
        {
            return false;
        }

        string? Part(int i) => json.Length > i * PartLength ? json.Substring(i * PartLength, Math.Min(PartLength, json.Length - (i * PartLength))) : null;
        (Part0, Part1, Part2, Part3, Part4, Part5, Part6, Part7) = (Part(0), Part(1), Part(2), Part(3), Part(4), Part(5), Part(6), Part(7));
        return true;
    }
}

/// <summary>Filters that read a client's interactions without its head row.</summary>
public static class InteractionRows
{
    public static string OfPartition(string partition) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {CardHeadEntity.Row}");
}
