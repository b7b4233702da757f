using System.Text.Json;

namespace OfficeFlow.Functions.Storage;

/// <summary>A write breaks one of Azure Table Storage's limits; it was refused before it was sent, so nothing was written.</summary>
public sealed class TableLimitException(string message) : InvalidOperationException(message);

/// <summary>
/// Azure Table Storage's limits (learn.microsoft.com "Understanding the Table service data model"), checked on the
/// JSON that is about to be sent. Azurite, where every test runs, accepts a transaction across partitions and
/// entities with more properties or more bytes than Azure does, so without this check such a write would pass
/// every test and fail only in Azure.
/// </summary>
public static class TableLimits
{
    /// <summary>255 properties per entity, of which PartitionKey, RowKey and Timestamp are three.</summary>
    public const int MaxProperties = 255;

    /// <summary>64 KiB per string (UTF-16, so 32,768 characters) and per byte array.</summary>
    public const int MaxValueBytes = 64 * 1024;

    /// <summary>1 MiB per entity, counted as the service counts it (<see cref="EntitySize"/>).</summary>
    public const int MaxEntityBytes = 1024 * 1024;

    /// <summary>100 actions per entity-group transaction, all in one partition.</summary>
    public const int MaxTransactionActions = 100;

    /// <summary>4 MiB per transaction request.</summary>
    public const int MaxTransactionBytes = 4 * 1024 * 1024;

    private const string Annotation = "@odata.type";

    /// <summary>Throws <see cref="TableLimitException"/> when the entity's JSON (as Azure.Data.Tables sends it, with
    /// "@odata.type" annotations) breaks a limit or a key rule; returns its PartitionKey.</summary>
    public static string CheckEntity(JsonElement entity)
    {
        var partitionKey = entity.TryGetProperty("PartitionKey", out var pk) ? pk.GetString() ?? "" : "";
        var rowKey = entity.TryGetProperty("RowKey", out var rk) ? rk.GetString() ?? "" : "";
        var where = $"entity '{partitionKey}'/'{rowKey}'";
        try
        {
            TableKeys.Validate(partitionKey, rowKey);
        }
        catch (ArgumentException e)
        {
            throw new TableLimitException($"Table Storage would refuse {where}: {e.Message}");
        }

        var properties = 3;
        var size = 4 + (partitionKey.Length + rowKey.Length) * 2;
        foreach (var property in entity.EnumerateObject())
        {
            if (property.Name is "PartitionKey" or "RowKey" or "Timestamp" || property.Name.EndsWith(Annotation, StringComparison.Ordinal)
                || property.Name.StartsWith("odata.", StringComparison.Ordinal))
            {
                continue;
            }

            properties++;
            var type = entity.TryGetProperty(property.Name + Annotation, out var t) ? t.GetString() : null;
            var valueBytes = ValueBytes(property.Value, type);
            if (valueBytes > MaxValueBytes)
            {
                throw new TableLimitException(
                    $"Property '{property.Name}' of {where} holds {valueBytes:N0} bytes; Azure Table Storage allows at most 64 KiB per value " +
                    "(32,768 characters of text). Shorten it, or keep such text in a blob.");
            }

            size += 8 + property.Name.Length * 2 + valueBytes + (type is "Edm.Binary" || property.Value.ValueKind == JsonValueKind.String && type is null ? 4 : 0);
        }

        if (properties > MaxProperties)
        {
            throw new TableLimitException($"{Capitalised(where)} has {properties} properties with the system ones; Azure Table Storage allows at most {MaxProperties}.");
        }

        if (size > MaxEntityBytes)
        {
            throw new TableLimitException($"{Capitalised(where)} is {size:N0} bytes; Azure Table Storage allows at most 1 MiB per entity.");
        }

        return partitionKey;
    }

    /// <summary>Throws <see cref="TableLimitException"/> unless the transaction has 1–100 actions in one partition and fits 4 MiB.</summary>
    public static void CheckTransaction(IReadOnlyList<string> partitionKeys, long bytes)
    {
        if (partitionKeys.Count > MaxTransactionActions)
        {
            throw new TableLimitException($"The transaction has {partitionKeys.Count} actions; Azure Table Storage allows at most {MaxTransactionActions}. Split it.");
        }

        if (partitionKeys.Distinct(StringComparer.Ordinal).Take(2).Count() > 1)
        {
            throw new TableLimitException(
                $"The transaction spans the partitions '{string.Join("', '", partitionKeys.Distinct(StringComparer.Ordinal).Take(3))}'; " +
                "Azure Table Storage runs a transaction in one partition only (Azurite does not check this).");
        }

        if (bytes > MaxTransactionBytes)
        {
            throw new TableLimitException($"The transaction is {bytes:N0} bytes; Azure Table Storage allows at most 4 MiB.");
        }
    }

    // The service's own sizes: text is UTF-16, binary its bytes, the rest fixed (Edm.Guid 16, Int64/Double/DateTime 8, Int32 4, Boolean 1).
    private static int ValueBytes(JsonElement value, string? type) => type switch
    {
        "Edm.Binary" => value.GetString() is { } base64 ? base64.Length / 4 * 3 - base64.Count(c => c == '=') : 0,
        "Edm.Guid" => 16,
        "Edm.Int64" or "Edm.Double" or "Edm.DateTime" => 8,
        _ => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!.Length * 2,
            JsonValueKind.True or JsonValueKind.False => 1,
            JsonValueKind.Number => value.TryGetInt32(out _) ? 4 : 8,
            _ => 0,
        },
    };

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
