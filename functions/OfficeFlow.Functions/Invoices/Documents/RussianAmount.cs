using System.Globalization;
using Humanizer;

namespace OfficeFlow.Functions.Invoices.Documents;

/// <summary>An amount in Russian words with rouble and kopeck forms: 1 234,50 → "одна тысяча двести тридцать
/// четыре рубля 50 копеек" (kopecks in figures, as Russian payment documents write them).</summary>
public static class RussianAmount
{
    private static readonly CultureInfo Russian = new("ru-RU");

    public static string InWords(decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        amount = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        var roubles = (long)decimal.Truncate(amount);
        var kopecks = (int)((amount - roubles) * 100);
        var words = roubles.ToWords(Russian);
        return $"{words} {Plural(roubles, "рубль", "рубля", "рублей")} {kopecks:00} {Plural(kopecks, "копейка", "копейки", "копеек")}";
    }

    /// <summary>The Russian plural form for a count: 1 рубль, 2 рубля, 5 рублей, 11 рублей, 21 рубль.</summary>
    public static string Plural(long count, string one, string few, string many)
    {
        var lastTwo = count % 100;
        var last = count % 10;
        return lastTwo is >= 11 and <= 14 ? many
            : last == 1 ? one
            : last is >= 2 and <= 4 ? few
            : many;
    }
}
