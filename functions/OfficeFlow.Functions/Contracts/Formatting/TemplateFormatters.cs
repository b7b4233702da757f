using System.Globalization;
using System.Text.Json;

namespace OfficeFlow.Functions.Contracts.Formatting;

/// <summary>
/// The formatters a template tag may apply after a pipe: <c>{total|money}</c>, <c>{total|vat:22|money}</c>,
/// <c>{date|date_ru}</c>. Each takes the value on its left and an optional numeric argument after a colon.
/// The list is documented in docs/contracts.md; templates that use formatters are OfficeFlow-specific
/// (docxtemplater's default parser would read <c>total|money</c> as a field name).
/// </summary>
public static class TemplateFormatters
{
    /// <summary>Name → definition; lookups are case-sensitive, as tags are.</summary>
    public static IReadOnlyDictionary<string, FormatterDefinition> All { get; } = new Dictionary<string, FormatterDefinition>(StringComparer.Ordinal)
    {
        ["money"] = new("money", false, "1500 → 1 500,00 (no-break space between thousands)", (v, _) => RussianMoney.Format(ToDecimal(v))),
        ["number"] = new("number", false, "12000 → 12 000; 2.5 → 2,5", (v, _) => RussianMoney.FormatNumber(ToDecimal(v))),
        ["words"] = new("words", false, "1500 → Одна тысяча пятьсот рублей 00 копеек", (v, _) => RussianAmountInWords.Format(ToDecimal(v))),
        ["count_words"] = new("count_words", false, "12 → двенадцать (a whole number in words, masculine)", (v, _) => RussianAmountInWords.NumberInWords(ToDecimal(v))),
        ["working_days"] = new("working_days", false, "5 → 5 (пять) рабочих дней", (v, _) => RussianCount.WithWords(ToDecimal(v), "working_days")),
        ["bank_days"] = new("bank_days", false, "3 → 3 (три) банковских дня", (v, _) => RussianCount.WithWords(ToDecimal(v), "bank_days")),
        ["calendar_days"] = new("calendar_days", false, "30 → 30 (тридцать) календарных дней", (v, _) => RussianCount.WithWords(ToDecimal(v), "calendar_days")),
        ["working_hours"] = new("working_hours", false, "4 → 4 (четыре) рабочих часа", (v, _) => RussianCount.WithWords(ToDecimal(v), "working_hours")),
        ["months"] = new("months", false, "12 → 12 (двенадцать) месяцев", (v, _) => RussianCount.WithWords(ToDecimal(v), "months")),
        ["vat"] = new("vat", true, "{net|vat:22} → VAT on top of a net amount: 1000 → 220", (v, a) => Vat.OnTop(ToDecimal(v), a!.Value)),
        ["vat_in"] = new("vat_in", true, "{gross|vat_in:22} → VAT contained in a gross amount: 1220 → 220", (v, a) => Vat.Included(ToDecimal(v), a!.Value)),
        ["with_vat"] = new("with_vat", true, "{net|with_vat:22} → net plus VAT: 1000 → 1220", (v, a) => Vat.WithVat(ToDecimal(v), a!.Value)),
        ["date"] = new("date", false, "2026-11-22 → 22.11.2026", (v, _) => RussianDate.Short(ToDate(v))),
        ["date_ru"] = new("date_ru", false, "2026-11-22 → «22» ноября 2026 г.", (v, _) => RussianDate.Long(ToDate(v))),
        ["date_text"] = new("date_text", false, "2026-11-22 → 22 ноября 2026 г.", (v, _) => RussianDate.Text(ToDate(v))),
        ["upper"] = new("upper", false, "ООО «Ромашка» → ООО «РОМАШКА»", (v, _) => ToText(v).ToUpper(CultureInfo.GetCultureInfo("ru-RU"))),
    };

    /// <summary>A number from a JSON number, a numeric string ("1500.50", "1 500,50") or a decimal.</summary>
    /// <exception cref="FormatException">The value is not a number.</exception>
    public static decimal ToDecimal(object? value)
    {
        switch (value)
        {
            case decimal d:
                return d;
            case JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetDecimal(out var n):
                return n;
            case JsonElement { ValueKind: JsonValueKind.String } e:
                return ParseDecimal(e.GetString()!);
            case string s:
                return ParseDecimal(s);
            default:
                throw new FormatException($"'{Describe(value)}' is not a number.");
        }
    }

    /// <summary>A date from an ISO string ("2026-11-22" or a full ISO date-time) or a DateOnly.</summary>
    /// <exception cref="FormatException">The value is not an ISO date.</exception>
    public static DateOnly ToDate(object? value)
    {
        var text = value switch
        {
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString()!,
            string s => s,
            _ => throw new FormatException($"'{Describe(value)}' is not a date (expected e.g. 2026-11-22)."),
        };
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) && text.Contains('T'))
        {
            return DateOnly.FromDateTime(moment.DateTime);
        }

        throw new FormatException($"'{text}' is not a date (expected e.g. 2026-11-22).");
    }

    /// <summary>The text a value prints as when no formatter is given.</summary>
    public static string ToText(object? value) => value switch
    {
        null => "",
        string s => s,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString()!,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetRawText(),
        JsonElement { ValueKind: JsonValueKind.True } => "true",
        JsonElement { ValueKind: JsonValueKind.False } => "false",
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => "",
        JsonElement e => throw new FormatException($"a JSON {e.ValueKind.ToString().ToLowerInvariant()} cannot be printed as text."),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static decimal ParseDecimal(string text)
    {
        var normalized = text.Trim().Replace("\u00A0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace(',', '.');
        if (decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        throw new FormatException($"'{text}' is not a number.");
    }

    private static string Describe(object? value) => value switch
    {
        null => "(empty)",
        JsonElement e => e.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? $"a JSON {e.ValueKind.ToString().ToLowerInvariant()}" : e.GetRawText(),
        _ => value.ToString() ?? "",
    };
}

/// <summary>One formatter: its name, whether it needs a numeric argument (<c>vat:22</c>), an example, and the function.</summary>
public sealed record FormatterDefinition(string Name, bool RequiresArgument, string Example, Func<object?, decimal?, object?> Apply);
