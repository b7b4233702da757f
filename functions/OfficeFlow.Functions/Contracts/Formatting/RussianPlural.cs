namespace OfficeFlow.Functions.Contracts.Formatting;

/// <summary>Chooses the Russian noun form for a count: one (1, 21, 101), few (2–4, 22–24) or many (0, 5–20, 11–14, 25…).</summary>
public static class RussianPlural
{
    /// <summary>E.g. <c>Choose(11, "рубль", "рубля", "рублей")</c> → "рублей".</summary>
    public static string Choose(decimal count, string one, string few, string many)
    {
        var n = (long)(decimal.Truncate(decimal.Abs(count)) % 100);
        if (n is >= 11 and <= 14)
        {
            return many;
        }

        return (n % 10) switch
        {
            1 => one,
            2 or 3 or 4 => few,
            _ => many,
        };
    }
}
