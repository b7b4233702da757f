namespace OfficeFlow.Functions.Contracts.Formatting;

/// <summary>
/// A count as Russian contracts write it: the figure, the number in words in brackets and the noun in the form
/// the number asks for, e.g. <c>3 (три) банковских дня</c>, <c>5 (пять) рабочих дней</c>, <c>1 (один) месяц</c>.
/// Meant for sentences where the count is in the nominative or accusative ("срок составляет …").
/// </summary>
public static class RussianCount
{
    /// <summary>The nouns templates count, each with its forms for one, few and many (all masculine, as the words are).</summary>
    public static IReadOnlyDictionary<string, (string One, string Few, string Many)> Nouns { get; } =
        new Dictionary<string, (string, string, string)>(StringComparer.Ordinal)
        {
            ["working_days"] = ("рабочий день", "рабочих дня", "рабочих дней"),
            ["bank_days"] = ("банковский день", "банковских дня", "банковских дней"),
            ["calendar_days"] = ("календарный день", "календарных дня", "календарных дней"),
            ["working_hours"] = ("рабочий час", "рабочих часа", "рабочих часов"),
            ["months"] = ("месяц", "месяца", "месяцев"),
        };

    /// <summary>E.g. <c>WithWords(21, "working_days")</c> → "21 (двадцать один) рабочий день".</summary>
    /// <exception cref="FormatException">The count is negative or not whole.</exception>
    public static string WithWords(decimal count, string noun)
    {
        if (count < 0 || count != decimal.Truncate(count) || count > 1_000_000)
        {
            throw new FormatException($"«{count}» — не целое неотрицательное число (ожидалось, например, 5).");
        }

        var (one, few, many) = Nouns[noun];
        return $"{RussianMoney.FormatNumber(count)} ({RussianAmountInWords.NumberInWords(count)}) {RussianPlural.Choose(count, one, few, many)}";
    }
}
