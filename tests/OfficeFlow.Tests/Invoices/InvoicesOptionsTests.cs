using Microsoft.Extensions.Configuration;
using OfficeFlow.Functions.Invoices;
using OfficeFlow.Functions.Invoices.Money;

namespace OfficeFlow.Tests.Invoices;

public class InvoicesOptionsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void From_NoSettings_GivesTheDocumentedDefaults()
    {
        var options = InvoicesOptions.From(Config());

        Assert.Equal((VatRate.Vat22, VatMode.Included, 10, "-3,1,7,14"), (options.DefaultVatRate, options.VatMode, options.DefaultPaymentTermDays, options.ReminderSchedule.ToString()));
    }

    [Fact]
    public void From_Settings_AreApplied()
    {
        var options = InvoicesOptions.From(Config(("Invoices:DefaultVatRate", "без НДС"), ("Invoices:VatMode", "ontop"), ("Invoices:ReminderSteps", "0,5")));

        Assert.Equal((VatRate.NoVat, VatMode.OnTop, "0,5"), (options.DefaultVatRate, options.VatMode, options.ReminderSchedule.ToString()));
    }

    [Theory]
    [InlineData("Invoices:DefaultVatRate", "20")]
    [InlineData("Invoices:VatMode", "gross")]
    [InlineData("Invoices:ReminderSteps", "soon")]
    [InlineData("Invoices:TimeZone", "Mars/Olympus")]
    public void From_BadSetting_StopsWithTheKeyNamed(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => InvoicesOptions.From(Config((key, value))));

        Assert.Contains(key, error.Message);
    }

    [Fact]
    public void Today_IsTheMoscowDate()
    {
        var options = InvoicesOptions.From(Config());
        var lateEveningUtc = new FakeClock(new DateTimeOffset(2026, 11, 30, 21, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 12, 1), options.Today(lateEveningUtc));
    }
}
