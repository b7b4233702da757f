namespace OfficeFlow.Functions.Contracts.Formatting;

/// <summary>VAT arithmetic, rounded to kopecks. Rates are percentages (22 means 22 %).</summary>
public static class Vat
{
    /// <summary>VAT charged on top of a net amount: net × rate / 100.</summary>
    public static decimal OnTop(decimal net, decimal ratePercent) => RussianMoney.RoundToKopecks(net * ratePercent / 100m);

    /// <summary>VAT contained in a gross amount ("в т.ч. НДС"): gross × rate / (100 + rate).</summary>
    public static decimal Included(decimal gross, decimal ratePercent) => RussianMoney.RoundToKopecks(gross * ratePercent / (100m + ratePercent));

    /// <summary>The net amount plus VAT on top.</summary>
    public static decimal WithVat(decimal net, decimal ratePercent) => RussianMoney.RoundToKopecks(net) + OnTop(net, ratePercent);
}
