using System.Globalization;

namespace OfficeFlow.Storage.Internal;

/// <summary>Turns each interpolated value of a filter into a typed OData literal, escaped, so user input
/// can only ever be a value and never part of the expression.</summary>
internal static class QueryFilterFormatter
{
    public static string Format(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var arguments = filter.GetArguments();
        var literals = new object?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            literals[i] = Literal(arguments[i], i, filter.Format);
        }

        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    private static string Literal(object? value, int index, string format) => value switch
    {
        null => throw new ArgumentException(
            $"Filter value {index} in \"{format}\" is null. Table Storage filters cannot compare with null: " +
            "leave the condition out, or compare with a real value.", nameof(value)),
        string s => Quote(s),
        char c => Quote(c.ToString()),
        bool b => b ? "true" : "false",
        int or short or byte or sbyte or ushort => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        uint u => u.ToString(CultureInfo.InvariantCulture) + "L",
        double d => DoubleLiteral(d, index, format),
        float f => DoubleLiteral(f, index, format),
        // Decimals are stored as invariant strings, so they compare as strings (equality is exact).
        decimal m => Quote(m.ToString(CultureInfo.InvariantCulture)),
        DateTimeOffset dto => $"datetime'{EdmWriter.FormatDateTime(dto)}'",
        DateTime dt => $"datetime'{EdmWriter.FormatDateTime(new DateTimeOffset(dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : DateTime.SpecifyKind(dt, DateTimeKind.Utc)))}'",
        Guid g => $"guid'{g:D}'",
        byte[] bytes => $"X'{Convert.ToHexStringLower(bytes)}'",
        Enum e => Quote(e.ToString()),
        _ => throw new ArgumentException(
            $"Filter value {index} in \"{format}\" has type {value.GetType().Name}, which a Table Storage filter cannot hold. " +
            "Use string, bool, int, long, double, decimal, DateTimeOffset, DateTime, Guid, byte[] or an enum.", nameof(value)),
    };

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string DoubleLiteral(double value, int index, string format)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Filter value {index} in \"{format}\" is {value}, which a Table Storage filter cannot hold.", nameof(value));
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        // A whole number without a point would be read as Int32 and not match Double properties.
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
