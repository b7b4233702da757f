using System.Globalization;

namespace OfficeFlow.Functions.Contracts.Formatting;

/// <summary>
/// Money as Russian business documents print it: thousands separated by a NO-BREAK SPACE (U+00A0),
/// a comma before exactly two kopeck digits, e.g. <c>1 500,00</c>. The no-break space keeps an amount
/// from being split across two lines in Word; text extracted from the document shows it as U+00A0.
/// </summary>
public static class RussianMoney
{
    /// <summary>The thousands separator used by <see cref="Format"/>: U+00A0 NO-BREAK SPACE.</summary>
    public const char ThousandsSeparator = '\u00A0';

    private static readonly NumberFormatInfo Format2 = new()
    {
        NumberGroupSeparator = ThousandsSeparator.ToString(),
        NumberDecimalSeparator = ",",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    /// <summary>Rounds to kopecks (half away from zero) and formats, e.g. 1500 → "1 500,00".</summary>
    public static string Format(decimal amount) => RoundToKopecks(amount).ToString("N2", Format2);

    /// <summary>Formats a whole quantity with thousands separators and no decimals, e.g. 12000 → "12 000".</summary>
    public static string FormatNumber(decimal value)
    {
        var rounded = decimal.Round(value, 2, MidpointRounding.AwayFromZero);
        return rounded == decimal.Truncate(rounded)
            ? rounded.ToString("N0", Format2)
            : rounded.ToString("#,0.##", Format2);
    }

    /// <summary>Money is kept to kopecks; midpoints go away from zero as in Russian accounting practice.</summary>
    public static decimal RoundToKopecks(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
