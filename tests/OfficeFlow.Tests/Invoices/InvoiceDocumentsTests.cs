using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OfficeFlow.Functions.Contracts;
using OfficeFlow.Functions.Invoices.Documents;
using OfficeFlow.Tests.Contracts;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Invoices;

/// <summary>The invoice and the reconciliation statement rendered through the API and opened by LibreOffice.</summary>
public sealed class InvoiceDocumentsTests : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly Dictionary<string, string> Firm = new()
    {
        ["Firm:name"] = "ООО «Бухсофт-Сервис»",
        ["Firm:inn"] = "7714123450",
        ["Firm:kpp"] = "771401001",
        ["Firm:bank"] = "ПАО Сбербанк, г. Москва",
        ["Firm:account"] = "40702810938000012345",
        ["Firm:corr_account"] = "30101810400000000225",
        ["Firm:bik"] = "044525225",
        ["Firm:signatory_short"] = "А.В. Соколов",
        ["Firm:accountant_short"] = "О.Н. Кузнецова",
    };

    private readonly AzuriteFixture _azurite;
    private readonly InvoicesApiFactory _app;
    private readonly HttpClient _manager;
    private readonly HttpClient _accountant;

    public InvoiceDocumentsTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        _app = new InvoicesApiFactory(azurite, settings: Firm);
        _manager = _app.As("manager-1", "manager");
        _accountant = _app.As("accountant-1", "accountant");
    }

    public void Dispose() => _app.Dispose();

    private Task<string> IssueAsync(string client, params object[] lines) => IssueAsync(client, "included", lines);

    private async Task<string> IssueAsync(string client, string vatMode, params object[] lines)
    {
        var created = await (await _manager.PostInvoiceAsync(_app.Services, new { clientId = client, clientName = "ООО «Ромашка»", contractId = "2026-0015", paymentTermDays = 5, vatMode, lines }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        (await _manager.PostAsync($"/api/invoices/{id}/issue", null)).EnsureSuccessStatusCode();
        return id;
    }

    private static async Task<string> OpenInLibreOfficeAsync(byte[] docx, string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{name}-{Guid.NewGuid():N}.docx");
        await File.WriteAllBytesAsync(path, docx);
        try
        {
            var text = (await LibreOffice.ToTextAsync([path]))[Path.GetFileName(path)];
            return text.Replace('\u00A0', ' ');
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The text from the "Итого:" row to the due-date sentence, one non-empty line per table cell or paragraph.</summary>
    private static List<string> TotalsBlock(string text)
    {
        var start = text.IndexOf("Итого:", StringComparison.Ordinal);
        var end = text.IndexOf("Оплатить не позднее", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, text);
        return text[start..end].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    /// <summary>Money as the document prints it (after <see cref="OpenInLibreOfficeAsync"/> turned no-break spaces into spaces).</summary>
    private static string Money(JsonElement amount) =>
        amount.GetDecimal().ToString("#,0.00", new System.Globalization.NumberFormatInfo { NumberGroupSeparator = " ", NumberDecimalSeparator = "," });

    [Fact]
    public async Task Downloads_CarryTheRussianNameAsFilenameStar_AndATransliteratedAsciiFilename()
    {
        var id = await IssueAsync("cl0c1", new { item = "Сопровождение", quantity = 1, price = 1000m });

        var invoice = await _accountant.PostAsJsonAsync($"/api/invoices/{id}/document", new { });
        var reconciliation = await _accountant.PostAsJsonAsync("/api/invoices/reconciliation", new { clientId = "cl0c1", from = "2026-11-01", to = "2026-11-30" });

        var invoiceName = ContentDispositionHeaderValue.Parse(Assert.Single(invoice.Content.Headers.GetValues("Content-Disposition")));
        Assert.Equal("Счёт № 1 от 02.11.2026.docx", invoiceName.FileNameStar);
        Assert.Equal("Schet No 1 ot 02.11.2026.docx", invoiceName.FileName);
        var statementName = ContentDispositionHeaderValue.Parse(Assert.Single(reconciliation.Content.Headers.GetValues("Content-Disposition")));
        Assert.Equal("Акт сверки ООО «Ромашка» 01.11.2026–30.11.2026.docx", statementName.FileNameStar);
        Assert.Equal("Akt sverki OOO Romashka 01.11.2026-30.11.2026.docx", statementName.FileName);
    }

    [Fact]
    public async Task Document_RendersTheInvoiceWithRequisitesLinesTotalsVatAndAmountInWords()
    {
        var id = await IssueAsync("cl0c1",
            new { item = "Сопровождение 1С:Бухгалтерия, ноябрь", quantity = 1, unit = "мес", price = 12200.00m, vatRate = "22" },
            new { item = "Лицензия 1С:Бухгалтерия ПРОФ", quantity = 1, unit = "шт", price = 1000.00m, vatRate = "без НДС" });

        var response = await _accountant.PostAsJsonAsync($"/api/invoices/{id}/document", new { client = new { inn = "7705987654", kpp = "770501001" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var text = await OpenInLibreOfficeAsync(await response.Content.ReadAsByteArrayAsync(), "invoice");
        Assert.Contains("Счёт на оплату № 1 от 2 ноября 2026", text);
        Assert.Contains("ООО «Бухсофт-Сервис»", text);
        Assert.Contains("40702810938000012345", text);
        Assert.Contains("7705987654", text);
        Assert.Contains("Сопровождение 1С:Бухгалтерия, ноябрь", text);
        Assert.Contains("13 200,00", text);
        Assert.Contains("В том числе НДС 22%: 2 200,00", text);
        Assert.Contains("тринадцать тысяч двести рублей 00 копеек", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Договор № 2026-0015", text);
        Assert.Contains("07.11.2026", text);
        // VAT included prints exactly what it printed before invoices with VAT on top could be printed.
        Assert.Equal(
        [
            "Итого:", "13 200,00", "В том числе НДС (22%):", "2 200,00",
            "Всего наименований 2, на сумму 13 200,00 руб.", "Тринадцать тысяч двести рублей 00 копеек", "В том числе НДС 22%: 2 200,00 руб.",
        ], TotalsBlock(text));
    }

    [Fact]
    public async Task Document_VatOnTop_PrintsNetAmountsTheNetTotalTheVatAndTheSumToPayInWords()
    {
        var id = await IssueAsync("cl0c1", "onTop",
            new { item = "Сопровождение 1С:Бухгалтерия, ноябрь", quantity = 1, unit = "мес", price = 10000.50m, vatRate = "22" },
            new { item = "Выезд программиста", quantity = 3, unit = "выезд", price = 3333.33m, vatRate = "22" },
            new { item = "Лицензия 1С:Бухгалтерия ПРОФ", quantity = 1, unit = "шт", price = 1500.00m, vatRate = "без НДС" });
        var invoice = await _accountant.GetFromJsonAsync<JsonElement>($"/api/invoices/{id}");

        var response = await _accountant.PostAsJsonAsync($"/api/invoices/{id}/document", new { client = new { inn = "7705987654" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        // The figures the API gives: line amounts rounded, VAT per line from them (2 200,11 + 2 200,00), then summed.
        var (net, vat, total) = (Money(invoice.GetProperty("net")), Money(invoice.GetProperty("vat")), Money(invoice.GetProperty("total")));
        Assert.Equal(("21 500,49", "4 400,11", "25 900,60"), (net, vat, total));
        var text = await OpenInLibreOfficeAsync(await response.Content.ReadAsByteArrayAsync(), "invoice-on-top");
        Assert.Contains("10 000,50", text);
        Assert.Contains("9 999,99", text);
        Assert.DoesNotContain("12 200,61", text);                // a line's amount is net: no VAT in it
        Assert.DoesNotContain("В том числе", text);
        Assert.Equal(
        [
            "Итого:", net, "НДС 22%:", vat, "Всего к оплате:", total,
            $"Всего наименований 3, на сумму {total} руб.", "Двадцать пять тысяч девятьсот рублей 60 копеек",
        ], TotalsBlock(text));
    }

    [Fact]
    public async Task Document_VatOnTopWithoutVat_PrintsTheNoVatRowAndSentenceAsTheIncludedInvoiceDoes()
    {
        var id = await IssueAsync("cl0c1", "onTop", new { item = "Лицензия 1С:Бухгалтерия ПРОФ", quantity = 2, unit = "шт", price = 1500.00m, vatRate = "без НДС" });

        var response = await _accountant.PostAsync($"/api/invoices/{id}/document", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await OpenInLibreOfficeAsync(await response.Content.ReadAsByteArrayAsync(), "invoice-on-top-no-vat");
        Assert.Equal(
        [
            "Итого:", "3 000,00", "Без НДС (НДС не облагается)", "—", "Всего к оплате:", "3 000,00",
            "Всего наименований 1, на сумму 3 000,00 руб.", "Три тысячи рублей 00 копеек", "Без НДС (НДС не облагается).",
        ], TotalsBlock(text));
    }

    [Fact]
    public async Task Document_FirmRequisitesMissing_IsAProblemNamingTheSettings()
    {
        using var bare = new InvoicesApiFactory(_azurite);
        var manager = bare.As("m", "manager");
        var created = await (await manager.PostInvoiceAsync(bare.Services, new { clientId = "cl0c", clientName = "К", lines = new[] { new { item = "x", quantity = 1, price = 10m } } }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var response = await manager.PostAsync($"/api/invoices/{created.GetProperty("id").GetString()}/document", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("в реквизитах фирмы не заполнено — наименование, ИНН, банк, расчётный счёт, БИК", detail);
        Assert.Contains("«Реквизиты фирмы»", detail);
    }

    [Fact]
    public async Task Reconciliation_RendersOpeningEntriesTurnoverClosingAndBothSignatures()
    {
        var september = await IssueAsync("cl0c1", new { item = "Сопровождение, сентябрь", quantity = 1, price = 1000m });
        await _accountant.PostAsJsonAsync($"/api/invoices/{september}/payments", new { amount = 400m, orderNumber = "11", date = "2026-11-02" });
        _app.Clock.Advance(TimeSpan.FromDays(10));
        var later = await IssueAsync("cl0c1", new { item = "Выезд программиста", quantity = 2, price = 3000m });
        await _accountant.PostAsJsonAsync($"/api/invoices/{later}/payments", new { amount = 6000m, orderNumber = "12" });

        var response = await _accountant.PostAsJsonAsync("/api/invoices/reconciliation", new
        {
            clientId = "cl0c1", from = "2026-11-05", to = "2026-11-30", client = new { signatoryShort = "Е.С. Петрова", signatoryPosition = "Директор" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await OpenInLibreOfficeAsync(await response.Content.ReadAsByteArrayAsync(), "reconciliation");
        Assert.Contains("Акт сверки взаимных расчётов", text);
        Assert.Contains("за период с 05.11.2026 по 30.11.2026", text);
        Assert.Contains("Сальдо начальное", text);
        Assert.Contains("600,00", text);                       // 1 000 issued − 400 paid before the period
        Assert.Contains("Счёт № 2 от 12.11.2026", text);
        Assert.Contains("Оплата (п/п № 12) от 12.11.2026 по счёту № 2", text);
        Assert.Contains("6 000,00", text);
        Assert.Contains("задолженность в пользу ООО «Бухсофт-Сервис» составляет 600,00 руб.", text);
        Assert.Contains("Е.С. Петрова", text);
        Assert.Contains("А.В. Соколов", text);
        Assert.True(text.IndexOf("Счёт № 2", StringComparison.Ordinal) < text.IndexOf("Оплата (п/п № 12)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reconciliation_TemplateMissing_FailsNamingTheFileAndTheCommandThatWritesIt()
    {
        var empty = Directory.CreateTempSubdirectory("officeflow-no-templates-");
        try
        {
            using var app = new InvoicesApiFactory(_azurite, settings: Firm);
            app.WithServices(services =>
            {
                services.RemoveAll<ContractsOptions>();
                services.AddSingleton(new ContractsOptions { TemplatesFolder = empty.FullName });
            });
            var manager = app.As("manager-1", "manager");
            var created = await (await manager.PostInvoiceAsync(app.Services, new { clientId = "cl0c1", clientName = "К", lines = new[] { new { item = "x", quantity = 1, price = 10m } } }))
                .Content.ReadFromJsonAsync<JsonElement>();
            (await manager.PostAsync($"/api/invoices/{created.GetProperty("id").GetString()}/issue", null)).EnsureSuccessStatusCode();
            var documents = app.Services.GetRequiredService<InvoiceDocuments>();

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                documents.ReconciliationAsync("cl0c1", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), null, CancellationToken.None));

            Assert.Contains(Path.Combine(empty.FullName, "reconciliation.docx"), error.Message);
            Assert.Contains("officeflow build-templates", error.Message);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Document_VatOnTopDraft_IsADocxAndACancelledInvoiceIsRefusedWithTheReason()
    {
        var created = await (await _manager.PostInvoiceAsync(_app.Services, new { clientId = "cl0c1", clientName = "К", vatMode = "onTop", lines = new[] { new { item = "x", quantity = 1, price = 10m } } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var cancelled = await IssueAsync("cl0c2", new { item = "y", quantity = 1, price = 10m });
        await _manager.PostAsJsonAsync($"/api/invoices/{cancelled}/cancel", new { reason = "дубль" });

        var onTop = await _manager.PostAsync($"/api/invoices/{created.GetProperty("id").GetString()}/document", null);
        var gone = await _manager.PostAsync($"/api/invoices/{cancelled}/document", null);

        Assert.Equal(HttpStatusCode.OK, onTop.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", onTop.Content.Headers.ContentType?.MediaType);
        var docx = await onTop.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), docx[..2]);
        Assert.Equal(HttpStatusCode.Conflict, gone.StatusCode);
        Assert.Equal("cancelled", (await gone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Reconciliation_BadPeriod_IsRefused()
    {
        var response = await _accountant.PostAsJsonAsync("/api/invoices/reconciliation", new { clientId = "cl0c1", from = "01.11.2026", to = "2026-11-30" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
