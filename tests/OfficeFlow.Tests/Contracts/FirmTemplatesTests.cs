using System.IO.Compression;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using OfficeFlow.Cli.Contracts;
using OfficeFlow.Functions.Contracts;
using OfficeFlow.Functions.Contracts.Templating;

namespace OfficeFlow.Tests.Contracts;

/// <summary>The firm's templates, as shipped: each renders its sample completely, validates, and reads right in LibreOffice.</summary>
public class FirmTemplatesTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Contracts", "Templates");

    public static TheoryData<string> TemplateIds => new(BuildTemplatesCommand.Templates.Select(t => t.Id));

    /// <summary>The documents with a number and both parties' requisites: the contracts and the invoice (not the акт сверки).</summary>
    public static TheoryData<string> NumberedTemplateIds =>
        new(BuildTemplatesCommand.Templates.Select(t => t.Id).Where(id => id != ContractTemplateCatalog.ReconciliationTemplateId));

    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["service-maintenance"] =
        [
            "ДОГОВОР № 2026-0015", "г. Москва\t«22» ноября 2026 г.", "ИНН 7705987654 / КПП 770501001",
            "Выезд программиста к Заказчику (до 4 часов)", "3\u00A0500,50", "40\u00A0000,50",
            "составляет 40\u00A0000,50 (Сорок тысяч рублей 50 копеек), в том числе НДС 22% — 7\u00A0213,20 руб.",
            "с «01» декабря 2026 г. и действует по «30» ноября 2027 г. включительно.", "_______________ / Е.С. Петрова /",
        ],
        ["license"] =
        [
            "ЛИЦЕНЗИОННЫЙ ДОГОВОР № 2026-0016", "«23» ноября 2026 г.", "Лицензиар", "91\u00A0300,00 (Девяносто одна тысяча триста рублей 00 копеек), НДС не облагается (на основании подп. 26 п. 2 ст. 149 НК РФ).",
            "Без НДС (на основании подп. 26 п. 2 ст. 149 НК РФ)",
        ],
        ["software-supply"] =
        [
            "ДОГОВОР ПОСТАВКИ № 2026-0017", "225\u00A0750,00 (Двести двадцать пять тысяч семьсот пятьдесят рублей 00 копеек), в том числе НДС 22% — 40\u00A0709,02 руб.",
            "Методическое пособие", "13\u00A0750,00", "действует до «31» декабря 2027 г.",
        ],
        ["consulting-discs"] =
        [
            "на поставку консалтинговых дисков", "ИТС ПРОФ, выпуск № 6 (июнь)", "до 15.06.2027", "до 17.05.2027",
            "54\u00A0684,00 (Пятьдесят четыре тысячи шестьсот восемьдесят четыре рубля 00 копеек), в том числе НДС 22% — 9\u00A0861,05 руб.",
        ],
        ["invoice"] =
        [
            "Счёт на оплату № 2026-0042 от 22 ноября 2026 г.", "Всего наименований 3, на сумму 31\u00A0900,00 руб.",
            "Тридцать одна тысяча девятьсот рублей 00 копеек", "В том числе НДС 22%: 5\u00A0752,46 руб.", "Оплатить не позднее 02.12.2026",
            "БИК", "044525225", "_______________ / О.Н. Кузнецова /",
        ],
        ["reconciliation"] =
        [
            "Акт сверки взаимных расчётов", "за период с 01.10.2026 по 31.12.2026", "между ООО «Бухсофт-Сервис» (ИНН 7714123450) и ООО «Ромашка» (ИНН 7705987654)",
            "Сальдо начальное", "Оплата (п/п № 455) от 10.12.2026 по счёту № 57", "42\u00A0600,00", "29\u00A0400,00", "Сальдо конечное",
            "задолженность в пользу ООО «Бухсофт-Сервис» составляет 15\u00A0200,00 руб. (Пятнадцать тысяч двести рублей 00 копеек).",
            "От ООО «Ромашка»", "_______________ / Е.С. Петрова /",
        ],
    };

    private static byte[] RenderSample(string id)
    {
        var template = DocxTemplate.Compile(File.ReadAllBytes(Path.Combine(Folder, id + ".docx")));
        using var data = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, id + ".sample.json")));
        return template.Render(data.RootElement, new RenderOptions(Strict: true));
    }

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void Template_RendersItsSampleStrictlyAndValidates(string id)
    {
        var output = RenderSample(id);

        var errors = TestDocx.Validate(output);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(NumberedTemplateIds))]
    public void NumberedTemplate_FooterNamesTheNumberAndDateWithPageNumbers(string id)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(RenderSample(id)), false);
        var footer = document.MainDocumentPart!.FooterParts.Single().Footer!.InnerText;
        Assert.Matches(@"№ 2026-00\d\d от \d\d\.\d\d\.2026 — страница", footer);
        Assert.DoesNotContain("{", footer);
    }

    [Fact]
    public void ReconciliationTemplate_HasNoPageFooter_AsItHasNoNumber()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(RenderSample(ContractTemplateCatalog.ReconciliationTemplateId)), false);

        Assert.Empty(document.MainDocumentPart!.FooterParts);
    }

    [Theory]
    [MemberData(nameof(NumberedTemplateIds))]
    public void NumberedTemplate_HasTheRequisitesOfBothParties(string id)
    {
        var fields = DocxTemplate.Compile(File.ReadAllBytes(Path.Combine(Folder, id + ".docx"))).Fields.Select(f => f.Name).ToHashSet();

        foreach (var party in new[] { "supplier", "client" })
        {
            foreach (var requisite in new[] { "name", "inn", "kpp", "ogrn", "address" })
            {
                Assert.Contains($"{party}.{requisite}", fields);
            }
        }

        foreach (var requisite in new[] { "bank", "account", "bik", "corr_account", "signatory_short" })
        {
            Assert.Contains($"supplier.{requisite}", fields);
        }

        Assert.Contains("number", fields);
        Assert.Contains("date", fields);
        Assert.Contains("total", fields);
        Assert.Contains("items", fields);
    }

    [Fact]
    public async Task AllTemplates_OpenInLibreOfficeWithNoTagLeftAndTheAmountsRight()
    {
        var folder = Directory.CreateTempSubdirectory("officeflow-contracts-");
        try
        {
            var paths = new List<string>();
            foreach (var id in Expected.Keys)
            {
                var path = Path.Combine(folder.FullName, id + ".docx");
                await File.WriteAllBytesAsync(path, RenderSample(id));
                paths.Add(path);
            }

            var texts = await LibreOffice.ToTextAsync(paths);

            foreach (var (id, expected) in Expected)
            {
                var text = texts[id + ".docx"];
                Assert.DoesNotContain("{", text);
                Assert.DoesNotContain("}", text);
                foreach (var fragment in expected)
                {
                    Assert.True(text.Contains(fragment, StringComparison.Ordinal), $"{id}: expected \"{fragment}\" in the text LibreOffice read:\n{text}");
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void CommittedTemplate_MatchesWhatTheGeneratorWrites(string id)
    {
        var generated = BuildTemplatesCommand.Templates.Single(t => t.Id == id).Build();
        var committed = File.ReadAllBytes(Path.Combine(Folder, id + ".docx"));

        Assert.Equal(Entries(generated), Entries(committed));
    }

    private static List<(string, string)> Entries(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        return zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return (e.FullName, reader.ReadToEnd());
        }).ToList();
    }
}
