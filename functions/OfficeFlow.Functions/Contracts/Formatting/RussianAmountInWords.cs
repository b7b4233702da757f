using System.Globalization;
using Humanizer;

namespace OfficeFlow.Functions.Contracts.Formatting;

/// <summary>
/// Amounts in words for Russian payment documents: roubles in words with a capital first letter,
/// kopecks as two digits, e.g. 1500 → <c>Одна тысяча пятьсот рублей 00 копеек</c>,
/// 21.01 → <c>Двадцать один рубль 01 копейка</c>.
/// </summary>
public static class RussianAmountInWords
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>The largest amount spelled out (Humanizer spells whole numbers up to long.MaxValue).</summary>
    public const decimal MaxAmount = 999_999_999_999_999.99m;

    /// <summary>Spells an amount of money in roubles and kopecks; rounds to kopecks first.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative or above <see cref="MaxAmount"/>.</exception>
    public static string Format(decimal amount)
    {
        if (amount < 0 || amount > MaxAmount)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"An amount in words must be between 0 and {MaxAmount}.");
        }

        var rounded = RussianMoney.RoundToKopecks(amount);
        var roubles = decimal.Truncate(rounded);
        var kopecks = (int)((rounded - roubles) * 100);
        var words = NumberInWords(roubles, GrammaticalGender.Masculine);
        var roubleNoun = RussianPlural.Choose(roubles, "рубль", "рубля", "рублей");
        var kopeckNoun = RussianPlural.Choose(kopecks, "копейка", "копейки", "копеек");
        return $"{Capitalize(words)} {roubleNoun} {kopecks:00} {kopeckNoun}";
    }

    /// <summary>
    /// A whole number in Russian words in the given gender, e.g. 2 (feminine) → "две".
    /// Humanizer 3.0.10 already puts "тысяча" in the feminine ("одна тысяча", "две тысячи");
    /// <see cref="FixThousands"/> guards that rule so a Humanizer upgrade cannot silently break it.
    /// </summary>
    public static string NumberInWords(decimal number, GrammaticalGender gender = GrammaticalGender.Masculine)
    {
        var whole = (long)decimal.Truncate(number);
        return FixThousands(whole.ToWords(gender, Russian));
    }

    private static string FixThousands(string words)
    {
        // "один тысяча" / "два тысячи" are wrong in any context: тысяча is feminine.
        return words
            .Replace("один тысяча", "одна тысяча", StringComparison.Ordinal)
            .Replace("два тысячи", "две тысячи", StringComparison.Ordinal);
    }

    private static string Capitalize(string words) =>
        words.Length == 0 ? words : char.ToUpper(words[0], Russian) + words[1..];
}
