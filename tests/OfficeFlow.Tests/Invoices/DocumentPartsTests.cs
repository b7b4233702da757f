using System.IO.Compression;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using OfficeFlow.Cli.Contracts;
using OfficeFlow.Functions.Contracts;
using OfficeFlow.Functions.Contracts.Templating;
using OfficeFlow.Functions.Firm;
using OfficeFlow.Functions.Invoices.Money;
using OfficeFlow.Functions.Invoices.Documents;
using OfficeFlow.Functions.Invoices.Reconciliation;

namespace OfficeFlow.Tests.Invoices;

public class DocumentPartsTests
{
    [Fact]
    public void ReconciliationTemplate_IsTheSameBytesEveryTime_AndCarriesTheRowLoop()
    {
        var build = BuildTemplatesCommand.Templates.Single(t => t.Id == ContractTemplateCatalog.ReconciliationTemplateId).Build;
        var first = build();
        var second = build();

        Assert.Equal(first, second);
        using var zip = new ZipArchive(new MemoryStream(first));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = reader.ReadToEnd();
        Assert.Contains("{#rows}{date}", xml);
        Assert.Contains("{/rows}", xml);
        Assert.Contains("Сальдо конечное", xml);
    }

    [Fact]
    public void ReconciliationData_FillsEveryFieldOfTheShippedTemplate()
    {
        var statement = new ReconciliationStatement("c1", "ООО Ромашка", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), 0m,
            [new ReconciliationEntry(new DateOnly(2026, 10, 3), "Счёт № 5 от 03.10.2026", 1334.5m, 0m)], 1334.5m, 0m, 1334.5m);
        var data = ReconciliationDocumentData.Build(statement, new FirmRequisites { Name = "ООО Софт", SignatoryShort = "А.В. Соколов" }, null);
        var template = DocxTemplate.Compile(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Contracts", "Templates", "reconciliation.docx")));

        // Strict rendering throws on any tag the data does not supply, so the template and the data builder cannot drift apart.
        var docx = template.Render(JsonSerializer.SerializeToElement(data), new RenderOptions(Strict: true));

        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Счёт № 5 от 03.10.2026", text);
        Assert.Contains("1\u00A0334,50", text);
        Assert.DoesNotContain("{", text);
    }

    [Fact]
    public void ReconciliationData_ShowsTheBalanceOnTheRightSideAndConcludesInWords()
    {
        var statement = new ReconciliationStatement("c1", "ООО Ромашка", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), -100m,
            [new ReconciliationEntry(new DateOnly(2026, 10, 3), "Счёт № 5 от 03.10.2026", 1334.5m, 0m)], 1334.5m, 0m, 1234.5m);

        var data = ReconciliationDocumentData.Build(statement, new FirmRequisites { Name = "ООО Софт" }, null);

        Assert.Equal("", (string?)data["opening_debit"]);
        Assert.Equal("100,00", (string?)data["opening_credit"]);
        Assert.Equal("1\u00A0234,50", (string?)data["closing_debit"]);
        Assert.Equal("1\u00A0334,50", (string?)data["rows"]![0]!["debit"]);
        Assert.Equal("за период с 01.10.2026 по 31.10.2026", (string?)data["period_text"]);
        Assert.Equal("На 31.10.2026 задолженность в пользу ООО Софт составляет 1\u00A0234,50 руб. (Одна тысяча двести тридцать четыре рубля 50 копеек).", (string?)data["conclusion"]);
    }
}

public class InvoiceDocumentDataTests
{
    private static readonly FirmRequisites Firm = new() { Name = "ООО Софт", Inn = "7714123450" };

    [Fact]
    public void InvoiceData_MixedRates_PrintsBothRatesAndTheirVatSum()
    {
        var invoice = InvoiceSamples.Draft(lines:
        [
            new("Сопровождение", 1, "мес", 122m, VatRate.Vat22),
            new("Книги", 1, "шт", 110m, VatRate.Vat10),
            new("Лицензия", 1m / 3m, "шт", 300m, VatRate.NoVat),
        ]);

        var data = InvoiceDocuments.InvoiceData(invoice, Firm, new ClientRequisites(Inn: "7705987654"));

        Assert.Equal("22% и 10", (string?)data["vat_rate"]);
        Assert.Equal(32m, (decimal)data["vat_amount"]!);
        Assert.Equal(332m, (decimal)data["total"]!);
        Assert.Equal(0.333m, (decimal)data["items"]![2]!["quantity"]!);
        Assert.Equal(100m, (decimal)data["items"]![2]!["amount"]!);
        Assert.Equal("7705987654", (string?)data["client"]!["inn"]);
        Assert.Null(data["vat_note"]);
    }

    [Fact]
    public void InvoiceData_VatOnTop_PrintsNetAmountsTheNetTotalAndTheVatOfEachRate()
    {
        var invoice = InvoiceSamples.Draft(lines:
        [
            new("Сопровождение", 1, "мес", 100m, VatRate.Vat22),
            new("Книги", 1, "шт", 100m, VatRate.Vat10),
            new("Лицензия", 1, "шт", 50m, VatRate.NoVat),
        ]) with { VatMode = VatMode.OnTop };

        var data = InvoiceDocuments.InvoiceData(invoice, Firm, null);

        Assert.True((bool)data["vat_on_top"]!);
        Assert.Equal(100m, (decimal)data["items"]![0]!["amount"]!);
        Assert.Equal(250m, (decimal)data["net_total"]!);
        Assert.Equal(32m, (decimal)data["vat_amount"]!);
        Assert.Equal(282m, (decimal)data["total"]!);
        var lines = data["vat_lines"]!.AsArray().Select(l => ((string?)l!["rate"], (decimal)l["amount"]!)).ToList();
        Assert.Equal([("22", 22m), ("10", 10m)], lines);
    }

    [Theory]
    [InlineData(VatMode.Included)]
    [InlineData(VatMode.OnTop)]
    public void InvoiceData_FillsEveryFieldOfTheShippedTemplate(VatMode mode)
    {
        var invoice = InvoiceSamples.Draft(lines:
        [
            new("Сопровождение", 1, "мес", 100m, VatRate.Vat22),
            new("Лицензия", 1, "шт", 50m, VatRate.NoVat),
        ]) with { VatMode = mode };
        var template = DocxTemplate.Compile(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Contracts", "Templates", "invoice.docx")));

        // Strict rendering throws on any tag the data does not supply, so the template and the data builder cannot drift apart.
        var docx = template.Render(JsonSerializer.SerializeToElement(InvoiceDocuments.InvoiceData(invoice, Firm, null)), new RenderOptions(Strict: true));

        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.DoesNotContain("{", text);
        Assert.Equal(mode == VatMode.OnTop, text.Contains("Всего к оплате:", StringComparison.Ordinal));
        Assert.Equal(mode == VatMode.Included, text.Contains("В том числе НДС", StringComparison.Ordinal));
    }

    [Fact]
    public void InvoiceData_WithoutVat_SaysSo()
    {
        var invoice = InvoiceSamples.Draft(lines: [new("Лицензия", 2, "шт", 500m, VatRate.NoVat)]);

        var data = InvoiceDocuments.InvoiceData(invoice, Firm, null);

        Assert.Null(data["vat_rate"]);
        Assert.Equal("НДС не облагается", (string?)data["vat_note"]);
        Assert.Equal(1000m, (decimal)data["total"]!);
    }
}
