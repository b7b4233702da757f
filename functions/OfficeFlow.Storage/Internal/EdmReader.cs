using System.Globalization;
using System.Text.Json;

namespace OfficeFlow.Storage.Internal;

/// <summary>Reads property values from Table Storage's JSON (minimal metadata: only Int64, Double
/// specials, DateTime, Guid and Binary carry an "@odata.type" annotation).</summary>
internal static class EdmReader
{
    /// <summary>The natural .NET value of a property, for <see cref="TableEntity"/>.</summary>
    public static object? ReadDynamic(JsonElement value, string? edmType)
    {
        switch (edmType)
        {
            case EdmTypes.Int64:
                return long.Parse(value.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture);
            case EdmTypes.Double:
                return ReadDouble(value);
            case EdmTypes.DateTime:
                return ParseDateTime(value.GetString()!);
            case EdmTypes.Guid:
                return Guid.Parse(value.GetString()!);
            case EdmTypes.Binary:
                return value.GetBytesFromBase64();
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out var i) => i,
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.Null => null,
            _ => value.GetRawText(),
        };
    }

    /// <summary>Converts a stored value to a property's type (nullable already unwrapped); throws
    /// <see cref="FormatException"/> or <see cref="InvalidCastException"/> when it cannot.</summary>
    public static object? ReadAs(JsonElement value, string? edmType, Type type)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (type == typeof(string))
        {
            return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        }

        if (type == typeof(bool))
        {
            return value.GetBoolean();
        }

        if (type == typeof(int))
        {
            return value.ValueKind == JsonValueKind.Number ? value.GetInt32() : checked((int)ParseLong(value));
        }

        if (type == typeof(long))
        {
            return value.ValueKind == JsonValueKind.Number ? value.GetInt64() : ParseLong(value);
        }

        if (type == typeof(double))
        {
            return ReadDouble(value);
        }

        if (type == typeof(float))
        {
            return (float)ReadDouble(value);
        }

        if (type == typeof(decimal))
        {
            return value.ValueKind == JsonValueKind.Number
                ? value.GetDecimal()
                : decimal.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (type == typeof(DateTimeOffset))
        {
            return ParseDateTime(value.GetString()!);
        }

        if (type == typeof(DateTime))
        {
            return ParseDateTime(value.GetString()!).UtcDateTime;
        }

        if (type == typeof(Guid))
        {
            return Guid.Parse(value.GetString()!);
        }

        if (type == typeof(byte[]))
        {
            return value.GetBytesFromBase64();
        }

        if (type.IsEnum)
        {
            return value.ValueKind == JsonValueKind.Number
                ? Enum.ToObject(type, value.GetInt64())
                : Enum.Parse(type, value.GetString()!, ignoreCase: false);
        }

        if (type == typeof(short) || type == typeof(byte) || type == typeof(sbyte) || type == typeof(ushort) || type == typeof(uint))
        {
            return Convert.ChangeType(value.ValueKind == JsonValueKind.Number ? value.GetInt64() : ParseLong(value), type, CultureInfo.InvariantCulture);
        }

        throw new InvalidCastException($"{type.Name} is not a type Table Storage can store.");
    }

    public static DateTimeOffset ParseDateTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static long ParseLong(JsonElement value) =>
        long.Parse(value.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static double ReadDouble(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.GetDouble();
        }

        return value.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var text => double.Parse(text!, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
    }
}
