using System.Globalization;

namespace OfficeFlow.Functions.Storage;

/// <summary>Key rules of Table Storage and helpers for key design.</summary>
public static class TableKeys
{
    /// <summary>Table Storage limits each key to 1 KiB; keys are UTF-16, so 512 characters.</summary>
    public const int MaxKeyBytes = 1024;

    /// <summary>Throws <see cref="ArgumentException"/> naming the key and what to fix when a key has a
    /// forbidden character (/ \ # ? or a control character) or is longer than 1 KiB.</summary>
    public static void Validate(string partitionKey, string rowKey)
    {
        ValidateKey(partitionKey, "PartitionKey", nameof(partitionKey));
        ValidateKey(rowKey, "RowKey", nameof(rowKey));
    }

    /// <summary>A row key that sorts newest first: (DateTimeOffset.MaxValue.Ticks - time.UtcTicks), zero-padded to 19 digits.</summary>
    public static string InvertedTicks(DateTimeOffset time) => (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    private static void ValidateKey(string? key, string keyName, string parameterName)
    {
        if (key is null)
        {
            throw new ArgumentNullException(parameterName, $"The {keyName} is null; every entity needs one (an empty string is allowed).");
        }

        if (key.Length * 2 > MaxKeyBytes)
        {
            throw new ArgumentException(
                $"The {keyName} is {key.Length} characters long ({key.Length * 2} bytes); Table Storage allows at most {MaxKeyBytes / 2} characters (1 KiB). " +
                "Shorten it, e.g. store a hash or an id in the key and the long text in a property.",
                parameterName);
        }

        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c is '/' or '\\' or '#' or '?')
            {
                throw new ArgumentException(
                    $"The {keyName} has the character '{c}' at position {i}, which Table Storage does not allow in keys (/ \\ # ?). " +
                    "Replace or encode it, e.g. use '-' or '_' instead.",
                    parameterName);
            }

            if (c <= '\u001F' || (c >= '\u007F' && c <= '\u009F'))
            {
                throw new ArgumentException(
                    $"The {keyName} has the control character U+{(int)c:X4} at position {i}, which Table Storage does not allow in keys. " +
                    "Remove it (trim pasted text of tabs and line breaks).",
                    parameterName);
            }
        }
    }
}
