using OfficeFlow.Functions.Invoices.Money;

namespace OfficeFlow.Tests.Invoices;

public class InvoiceMathTests
{
    private static InvoiceLine Line(decimal quantity, decimal price, VatRate rate = VatRate.Vat22, LineKind kind = LineKind.OneOff)
        => new("Работы", quantity, "час", price, rate, kind);

    [Fact]
    public void Line_VatIncluded_SplitsOutTheVatPart()
    {
        var amounts = InvoiceMath.Line(Line(1, 122.00m), VatMode.Included);

        Assert.Equal(new LineAmounts(100.00m, 22.00m, 122.00m), amounts);
    }

    [Fact]
    public void Line_VatIncludedOnOddKopecks_RoundsTheVatAndKeepsNetPlusVatExact()
    {
        // 100.01 × 22 / 122 = 18.0346 → 18.03; the net is the rest, so the line still adds up.
        var amounts = InvoiceMath.Line(Line(1, 100.01m), VatMode.Included);

        Assert.Equal(18.03m, amounts.Vat);
        Assert.Equal(81.98m, amounts.Net);
        Assert.Equal(amounts.Total, amounts.Net + amounts.Vat);
    }

    [Theory]
    [InlineData("0.75", "0.17")]   // 0.165: half away from zero gives 0.17 (banker's rounding would give 0.16)
    [InlineData("100.05", "22.01")] // 22.011
    [InlineData("0.01", "0.00")]   // 0.0022
    [InlineData("0.03", "0.01")]   // 0.0066
    [InlineData("1234.57", "271.61")] // 271.6054
    public void Line_TwentyTwoPercentOnTopOfOddKopecks_RoundsHalfAwayFromZero(string net, string expectedVat)
    {
        var amounts = InvoiceMath.Line(Line(1, decimal.Parse(net, System.Globalization.CultureInfo.InvariantCulture)), VatMode.OnTop);

        var vat = decimal.Parse(expectedVat, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(vat, amounts.Vat);
        Assert.Equal(amounts.Net + vat, amounts.Total);
    }

    [Fact]
    public void Line_OneThirdQuantity_IsRoundedToKopecksOnce()
    {
        var amounts = InvoiceMath.Line(Line(1m / 3m, 300m), VatMode.Included);

        Assert.Equal(100.00m, amounts.Total);
        Assert.Equal(18.03m, amounts.Vat); // 100 × 22 / 122 = 18.0328
    }

    [Fact]
    public void Totals_ThreeLinesOfOneThird_AreTheSumOfRoundedLines()
    {
        // Per line, then summed: each line prints 33.33, so the invoice totals 99.99 — the figure the
        // printed lines add up to — not 100.00 as rounding the unrounded sum would give.
        var third = Line(1m / 3m, 100m);

        var totals = InvoiceMath.Totals([third, third, third], VatMode.Included);

        Assert.Equal(99.99m, totals.Total);
        Assert.Equal(3 * 6.01m, totals.Vat); // 33.33 × 22 / 122 = 6.0104 → 6.01 per line
        Assert.Equal(totals.Total, totals.Net + totals.Vat);
    }

    [Fact]
    public void Totals_MixedRates_BreakDownVatPerRate()
    {
        var totals = InvoiceMath.Totals(
            [Line(2, 61.00m), Line(1, 110.00m, VatRate.Vat10), Line(1, 5000m, VatRate.NoVat)],
            VatMode.Included);

        Assert.Equal(5232.00m, totals.Total);
        Assert.Equal(22.00m + 10.00m, totals.Vat);
        Assert.Collection(
            totals.ByRate,
            r => Assert.Equal((VatRate.Vat22, 100.00m, 22.00m), (r.Rate, r.Net, r.Vat)),
            r => Assert.Equal((VatRate.Vat10, 100.00m, 10.00m), (r.Rate, r.Net, r.Vat)),
            r => Assert.Equal((VatRate.NoVat, 5000m, 0m), (r.Rate, r.Net, r.Vat)));
        Assert.False(totals.WithoutVat);
    }

    [Fact]
    public void Totals_OnlyNoVatLines_SayWithoutVat()
    {
        var totals = InvoiceMath.Totals([Line(3, 1500m, VatRate.NoVat)], VatMode.OnTop);

        Assert.Equal(4500m, totals.Total);
        Assert.Equal(0m, totals.Vat);
        Assert.True(totals.WithoutVat);
    }

    [Theory]
    [InlineData("22", VatRate.Vat22)]
    [InlineData("22%", VatRate.Vat22)]
    [InlineData(" 10 % ", VatRate.Vat10)]
    [InlineData("0", VatRate.Vat0)]
    [InlineData("без НДС", VatRate.NoVat)]
    [InlineData("Без НДС", VatRate.NoVat)]
    [InlineData("none", VatRate.NoVat)]
    public void VatRates_TryParse_AcceptsTheWrittenForms(string text, VatRate expected)
    {
        Assert.True(VatRates.TryParse(text, out var rate));
        Assert.Equal(expected, rate);
    }

    [Theory]
    [InlineData("20")]
    [InlineData("18%")]
    [InlineData("")]
    [InlineData(null)]
    public void VatRates_TryParse_RefusesOtherRates(string? text)
    {
        Assert.False(VatRates.TryParse(text, out _));
    }

    [Fact]
    public void VatRates_Label_IsWhatTheInvoicePrints()
    {
        Assert.Equal(["22%", "10%", "0%", "без НДС"], Enum.GetValues<VatRate>().Select(r => r.Label()));
    }
}
