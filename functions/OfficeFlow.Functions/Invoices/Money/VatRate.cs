using System.Globalization;

namespace OfficeFlow.Functions.Invoices.Money;

/// <summary>The VAT rates a Russian invoice line can carry (НК РФ ст. 164; 22% from 2026).</summary>
public enum VatRate
{
    Vat22,
    Vat10,
    Vat0,
    /// <summary>"Без НДС": the supply is exempt (e.g. software rights, НК РФ ст. 149) or the firm is not a VAT payer.</summary>
    NoVat,
}

/// <summary>Percentages, labels and parsing of <see cref="VatRate"/>.</summary>
public static class VatRates
{
    public static decimal Percent(this VatRate rate) => rate switch
    {
        VatRate.Vat22 => 22m,
        VatRate.Vat10 => 10m,
        _ => 0m,
    };

    /// <summary>The label printed on the invoice: "22%", "10%", "0%" or "без НДС".</summary>
    public static string Label(this VatRate rate) => rate switch
    {
        VatRate.Vat22 => "22%",
        VatRate.Vat10 => "10%",
        VatRate.Vat0 => "0%",
        _ => "без НДС",
    };

    /// <summary>Accepts "22", "22%", "10", "0", "без НДС", "none" (any case); the API and settings use it.</summary>
    public static bool TryParse(string? text, out VatRate rate)
    {
        rate = VatRate.Vat22;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim().TrimEnd('%').Trim().ToLower(CultureInfo.InvariantCulture);
        switch (value)
        {
            case "22" or "vat22":
                rate = VatRate.Vat22;
                return true;
            case "10" or "vat10":
                rate = VatRate.Vat10;
                return true;
            case "0" or "vat0":
                rate = VatRate.Vat0;
                return true;
            case "без ндс" or "none" or "novat" or "no vat":
                rate = VatRate.NoVat;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The accepted spellings, for error messages.</summary>
    public const string Accepted = "22, 10, 0 или null (без НДС)";

    /// <summary>The API's one form of a rate, in invoices and contracts alike: the JSON number 22, 10 or 0, and null
    /// for «без НДС» (what a contract's <c>vat_rate</c> always meant).</summary>
    public static decimal? ApiValue(this VatRate rate) => rate == VatRate.NoVat ? null : rate.Percent();

    /// <summary>The text <see cref="TryParse(string?, out VatRate)"/> reads for «без НДС».</summary>
    public const string NoVatText = "без НДС";

}
