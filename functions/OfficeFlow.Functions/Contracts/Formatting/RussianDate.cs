namespace OfficeFlow.Functions.Contracts.Formatting;

/// <summary>Dates as Russian contracts print them.</summary>
public static class RussianDate
{
    private static readonly string[] GenitiveMonths =
    [
        "января", "февраля", "марта", "апреля", "мая", "июня",
        "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ];

    /// <summary>The contract heading form: <c>«22» ноября 2026 г.</c></summary>
    public static string Long(DateOnly date) => $"«{date.Day:00}» {GenitiveMonths[date.Month - 1]} {date.Year} г.";

    /// <summary>Day, month in words, year: <c>22 ноября 2026 г.</c></summary>
    public static string Text(DateOnly date) => $"{date.Day} {GenitiveMonths[date.Month - 1]} {date.Year} г.";

    /// <summary>The numeric form: <c>22.11.2026</c></summary>
    public static string Short(DateOnly date) => $"{date.Day:00}.{date.Month:00}.{date.Year:0000}";
}
