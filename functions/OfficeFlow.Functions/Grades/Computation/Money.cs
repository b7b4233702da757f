namespace OfficeFlow.Functions.Grades.Computation;

/// <summary>
/// The rounding rules of the computation, chosen to equal the workbook's ROUND formulas:
/// amounts to kopecks (2 places), plans to 2 places, fulfilment to 4 places (a ratio such as 1.0833),
/// always half away from zero as Excel's and LibreOffice's ROUND do.
/// </summary>
public static class Money
{
    public const int AmountDecimals = 2;
    public const int FulfilmentDecimals = 4;

    public static decimal Round2(decimal value) => Math.Round(value, AmountDecimals, MidpointRounding.AwayFromZero);

    public static decimal Round4(decimal value) => Math.Round(value, FulfilmentDecimals, MidpointRounding.AwayFromZero);
}
