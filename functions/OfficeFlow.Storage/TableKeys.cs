namespace OfficeFlow.Storage;

/// <summary>Key rules of Table Storage and helpers for key design.</summary>
public static class TableKeys
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the key and what to fix when a key has a
    /// forbidden character (/ \ # ? or a control character) or is longer than 1 KiB.</summary>
    public static void Validate(string partitionKey, string rowKey) => throw new NotImplementedException();

    /// <summary>A row key that sorts newest first: (DateTimeOffset.MaxValue.Ticks - time.UtcTicks), zero-padded to 19 digits.</summary>
    public static string InvertedTicks(DateTimeOffset time) => (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}
