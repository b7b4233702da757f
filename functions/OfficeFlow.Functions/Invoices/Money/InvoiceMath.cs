namespace OfficeFlow.Functions.Invoices.Money;

/// <summary>Line and invoice amounts. The rule (see docs/invoices.md): each line's amount is rounded
/// to kopecks, its VAT is computed from that rounded amount and rounded to kopecks, and the invoice
/// totals are the sums of the rounded line figures — so the printed lines always add up to the
/// printed totals, as in 1C and the счёт-фактура form (VAT per line, total = sum of lines).
/// Rounding is half away from zero, the arithmetic rounding Russian accounting uses.</summary>
public static class InvoiceMath
{
    /// <summary>Rounds to kopecks, half away from zero (0.165 → 0.17).</summary>
    public static decimal RoundKopecks(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static LineAmounts Line(InvoiceLine line, VatMode mode)
    {
        ArgumentNullException.ThrowIfNull(line);
        var amount = RoundKopecks(line.Quantity * line.Price);
        var percent = line.VatRate.Percent();
        if (mode == VatMode.Included)
        {
            var vatIncluded = RoundKopecks(amount * percent / (100m + percent));
            return new LineAmounts(amount - vatIncluded, vatIncluded, amount);
        }

        var vatOnTop = RoundKopecks(amount * percent / 100m);
        return new LineAmounts(amount, vatOnTop, amount + vatOnTop);
    }

    public static InvoiceTotals Totals(IEnumerable<InvoiceLine> lines, VatMode mode)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var amounts = lines.Select(line => (line.VatRate, Amounts: Line(line, mode))).ToList();
        var byRate = amounts
            .GroupBy(a => a.VatRate)
            .OrderBy(g => g.Key)
            .Select(g => new VatSubtotal(g.Key, g.Sum(a => a.Amounts.Net), g.Sum(a => a.Amounts.Vat)))
            .ToList();
        return new InvoiceTotals(
            amounts.Sum(a => a.Amounts.Net),
            amounts.Sum(a => a.Amounts.Vat),
            amounts.Sum(a => a.Amounts.Total),
            byRate);
    }
}

/// <summary>One line's figures, each already in kopecks: Net + Vat = Total exactly.</summary>
public readonly record struct LineAmounts(decimal Net, decimal Vat, decimal Total);

/// <summary>VAT per rate, as an invoice prints "в т.ч. НДС 22%: …" for each rate used.</summary>
public sealed record VatSubtotal(VatRate Rate, decimal Net, decimal Vat);

/// <summary>An invoice's totals: sums of the rounded line figures.</summary>
public sealed record InvoiceTotals(decimal Net, decimal Vat, decimal Total, IReadOnlyList<VatSubtotal> ByRate)
{
    /// <summary>True when no line carries VAT, so the invoice prints "Без налога (НДС)".</summary>
    public bool WithoutVat => ByRate.All(r => r.Rate == VatRate.NoVat);
}
