using System.Globalization;
using System.Text.Json;

namespace OfficeFlow.Storage.Internal;

/// <summary>
/// Writes one property value in Table Storage's JSON, adding the "@odata.type" annotation for the
/// types JSON cannot tell apart (Int64, Double, DateTime, Guid, Binary). Decimal is stored as an
/// invariant string (Table Storage has no decimal type; a double would lose 0.1 + 0.2 = 0.3) and an
/// enum as its name, so stored data stays readable and survives reordering of enum members.
/// </summary>
internal static class EdmWriter
{
    /// <summary>The earliest instant Table Storage accepts in an Edm.DateTime.</summary>
    public static readonly DateTimeOffset MinDateTime = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void WriteProperty(Utf8JsonWriter writer, string name, object? value, string entityDescription)
    {
        switch (value)
        {
            case null:
                // Like Azure.Data.Tables: a null is left out (Merge keeps the stored value, Replace drops it).
                return;
            case string s:
                writer.WriteString(name, s);
                return;
            case bool b:
                writer.WriteBoolean(name, b);
                return;
            case int i:
                writer.WriteNumber(name, i);
                return;
            case short or byte or sbyte or ushort:
                writer.WriteNumber(name, Convert.ToInt32(value, CultureInfo.InvariantCulture));
                return;
            case long l:
                WriteAnnotated(writer, name, EdmTypes.Int64, l.ToString(CultureInfo.InvariantCulture));
                return;
            case uint u:
                WriteAnnotated(writer, name, EdmTypes.Int64, u.ToString(CultureInfo.InvariantCulture));
                return;
            case double d:
                WriteDouble(writer, name, d);
                return;
            case float f:
                WriteDouble(writer, name, f);
                return;
            case decimal m:
                writer.WriteString(name, m.ToString(CultureInfo.InvariantCulture));
                return;
            case DateTimeOffset dto:
                WriteDateTime(writer, name, dto, entityDescription);
                return;
            case DateTime dt:
                // An unspecified kind is taken as UTC: the app keeps every time in UTC.
                var utc = dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : DateTime.SpecifyKind(dt, DateTimeKind.Utc);
                WriteDateTime(writer, name, new DateTimeOffset(utc), entityDescription);
                return;
            case Guid g:
                WriteAnnotated(writer, name, EdmTypes.Guid, g.ToString("D"));
                return;
            case byte[] bytes:
                WriteAnnotated(writer, name, EdmTypes.Binary, Convert.ToBase64String(bytes));
                return;
            case Enum e:
                writer.WriteString(name, e.ToString());
                return;
            default:
                throw new NotSupportedException(
                    $"Property '{name}' of {entityDescription} has type {value.GetType().Name}, which Table Storage cannot store. " +
                    "Use string, bool, int, long, double, decimal, DateTimeOffset, DateTime, Guid, byte[] or an enum.");
        }
    }

    private static void WriteDouble(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
        {
            // Annotated so a whole number (1.0 is written as 1) is not stored as Int32.
            writer.WriteNumber(name, value);
            writer.WriteString(name + EdmTypes.AnnotationSuffix, EdmTypes.Double);
        }
        else
        {
            var text = double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
            WriteAnnotated(writer, name, EdmTypes.Double, text);
        }
    }

    private static void WriteDateTime(Utf8JsonWriter writer, string name, DateTimeOffset value, string entityDescription)
    {
        if (value < MinDateTime)
        {
            throw new ArgumentException(
                $"Property '{name}' of {entityDescription} is {value:O}, earlier than 1601-01-01, which Table Storage cannot store. " +
                "Set a real date, or make the property nullable and leave it null.");
        }

        WriteAnnotated(writer, name, EdmTypes.DateTime, FormatDateTime(value));
    }

    public static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static void WriteAnnotated(Utf8JsonWriter writer, string name, string edmType, string text)
    {
        writer.WriteString(name, text);
        writer.WriteString(name + EdmTypes.AnnotationSuffix, edmType);
    }
}
