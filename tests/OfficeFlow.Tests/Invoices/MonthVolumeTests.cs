using OfficeFlow.Functions.Invoices.Lifecycle;
using OfficeFlow.Functions.Invoices.Money;
using OfficeFlow.Functions.Invoices.Volume;

namespace OfficeFlow.Tests.Invoices;

public class MonthVolumeTests
{
    private static Invoice TwoKinds(string id) => InvoiceSamples.Draft(lines:
        [
            new InvoiceLine("ИТС ПРОФ, 12 мес", 1, "шт", 1220m, VatRate.Vat22, LineKind.Subscription),
            new InvoiceLine("Выезд программиста", 2, "час", 1500m, VatRate.NoVat, LineKind.OneOff),
        ]) with { Id = id, IssuedAt = InvoiceSamples.Created };

    [Fact]
    public void Compute_CountsInvoicesPaidOrAcceptedInTheMonth_SplitByLineKind()
    {
        var paidInNovember = InvoiceLifecycle.AddPayment(TwoKinds("2026-0001"), InvoiceSamples.Pay(4220m, new DateOnly(2026, 11, 30)));
        var partlyPaid = InvoiceLifecycle.AddPayment(TwoKinds("2026-0002"), InvoiceSamples.Pay(100m, new DateOnly(2026, 11, 10)));
        var acceptedInNovember = TwoKinds("2026-0003") with { AcceptedOn = new DateOnly(2026, 11, 1) };
        var paidInDecember = InvoiceLifecycle.AddPayment(TwoKinds("2026-0004"), InvoiceSamples.Pay(4220m, new DateOnly(2026, 12, 1)));

        var volume = MonthVolume.Compute([paidInNovember, partlyPaid, acceptedInNovember, paidInDecember], 2026, 11);

        Assert.Equal(["2026-0001", "2026-0003"], volume.InvoiceIds);
        Assert.Equal(2 * 1000m, volume.SubscriptionNet);
        Assert.Equal(2 * 1220m, volume.SubscriptionGross);
        Assert.Equal(2 * 3000m, volume.OneOffNet);
        Assert.Equal(8000m, volume.TotalNet);
    }

    [Fact]
    public void Compute_SkipsCancelledInvoices()
    {
        var cancelled = TwoKinds("2026-0005") with { AcceptedOn = new DateOnly(2026, 11, 3), CancelledAt = InvoiceSamples.Created };

        Assert.Empty(MonthVolume.Compute([cancelled], 2026, 11).InvoiceIds);
    }
}
