using OfficeFlow.Functions.Invoices;
using OfficeFlow.Functions.Invoices.Api;
using OfficeFlow.Functions.Invoices.Money;
using Microsoft.Extensions.Configuration;

namespace OfficeFlow.Tests.Invoices;

public class InvoiceDraftValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 2);
    private static readonly InvoicesOptions Defaults = InvoicesOptions.From(new ConfigurationBuilder().Build());

    private static CreateInvoiceRequest Request(string? dueDate = null, int? term = null, params InvoiceLineRequest[] lines) =>
        new("c1", "ООО Ромашка", null, null, dueDate, term, null, null, null, null,
            lines.Length > 0 ? lines : [new InvoiceLineRequest("Лицензия", 2, null, 1500m, null, null)]);

    [Fact]
    public void Validate_NoRateNoTermNoUnit_UsesTheDefaults()
    {
        var (build, errors) = InvoiceDraftValidator.Validate(Request(), Defaults, Today, "m1", DateTimeOffset.UnixEpoch);

        var invoice = build!(3, "2026-0003");
        Assert.Empty(errors);
        Assert.Equal((VatRate.Vat22, "шт", LineKind.OneOff), (invoice.Lines[0].VatRate, invoice.Lines[0].Unit, invoice.Lines[0].Kind));
        Assert.Equal((new DateOnly(2026, 11, 12), (int?)10), (invoice.DueDate, invoice.PaymentTermDays));
        Assert.Equal(("RUB", 3000m), (invoice.Currency, invoice.Total));
    }

    [Fact]
    public void Validate_FixedDueDate_HasNoTerm()
    {
        var (build, _) = InvoiceDraftValidator.Validate(Request(dueDate: "2026-12-01"), Defaults, Today, "m1", DateTimeOffset.UnixEpoch);

        var invoice = build!(1, "2026-0001");
        Assert.Equal((new DateOnly(2026, 12, 1), (int?)null), (invoice.DueDate, invoice.PaymentTermDays));
    }

    [Theory]
    [InlineData("2026-11-01", null, "dueDate")]
    [InlineData("01.12.2026", null, "dueDate")]
    [InlineData("2026-12-01", 5, "dueDate")]
    [InlineData(null, 400, "paymentTermDays")]
    public void Validate_BadDueDateOrTerm_NamesTheField(string? dueDate, int? term, string field)
    {
        var (build, errors) = InvoiceDraftValidator.Validate(Request(dueDate, term), Defaults, Today, "m1", DateTimeOffset.UnixEpoch);

        Assert.Null(build);
        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public void Validate_NoLinesOrZeroTotal_IsRefused()
    {
        var (_, noLines) = InvoiceDraftValidator.Validate(Request() with { Lines = [] }, Defaults, Today, "m1", DateTimeOffset.UnixEpoch);
        var (_, zero) = InvoiceDraftValidator.Validate(Request(lines: new InvoiceLineRequest("Подарок", 1, null, 0m, null, null)), Defaults, Today, "m1", DateTimeOffset.UnixEpoch);

        Assert.Contains("lines", noLines.Keys);
        Assert.Contains("нулевой", Assert.Single(zero["lines"]));
    }

    [Fact]
    public void Validate_NullBody_SaysWhatIsExpected()
    {
        var (build, errors) = InvoiceDraftValidator.Validate(null, Defaults, Today, "m1", DateTimeOffset.UnixEpoch);

        Assert.Null(build);
        Assert.Contains("clientId", Assert.Single(errors["body"]));
    }
}
