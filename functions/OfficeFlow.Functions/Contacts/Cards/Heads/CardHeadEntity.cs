using System.IO.Compression;
using System.Text;
using Azure;
using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Contacts.Cards.Heads;

/// <summary>
/// The stored <see cref="CardHead"/> of a client. It lives in the "Interactions" table, in the client's own
/// partition (RowKey <see cref="Row"/>), so that an interaction and the head that lists it are written by one
/// entity-group transaction: the head can never miss an interaction that was stored. "~" sorts after the
/// inverted-ticks row keys of interactions, and interaction queries stop below it (<see cref="InteractionRows"/>).
/// The content is Brotli-compressed UTF-8 JSON: a head of 20 interactions shrinks about fivefold, which is what
/// the storage (and Azurite) parses on every logged message, and one binary property (64 KiB) holds it.
/// </summary>
public sealed class CardHeadEntity : ITableEntity
{
    public const string Row = "~card";
    public const int MaxContentBytes = 64 * 1024;

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>Null in a head too large to keep (it is then rebuilt from the tables on each use) and in a merged client's tombstone.</summary>
    public byte[]? Content { get; set; }

    /// <summary>Set when the client was merged away: no interaction may be written beside this row any more.</summary>
    public string? MergedInto { get; set; }

    /// <returns>The JSON, or null when the row has no readable content (written by another version): the caller rebuilds it.</returns>
    public string? ReadJson()
    {
        if (Content is not { Length: > 0 } content)
        {
            return null;
        }

        try
        {
            using var input = new BrotliStream(new MemoryStream(content), CompressionMode.Decompress);
            using var reader = new StreamReader(input, Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <returns>False when even compressed the JSON does not fit into one binary property.</returns>
    public bool TrySetJson(string json)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(Encoding.UTF8.GetBytes(json));
        }

        if (output.Length > MaxContentBytes)
        {
            return false;
        }

        Content = output.ToArray();
        return true;
    }
}

/// <summary>Filters that read a client's interactions without its head row.</summary>
public static class InteractionRows
{
    public static string OfPartition(string partition) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {CardHeadEntity.Row}");
}
