using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using OfficeFlow.Cli.Contracts;
using OfficeFlow.Functions.Contracts;
using OfficeFlow.Functions.Contracts.Templating;
using OfficeFlow.Functions.Firm;
using OfficeFlow.Functions.Invoices.Documents;
using OfficeFlow.Tests.Invoices;

namespace OfficeFlow.Tests.Contracts;

/// <summary>
/// The documents as a reader sees them: laid out by LibreOffice (PDF, with a PNG of every page kept under
/// <c>artifacts/documents</c> in the test output folder), and the Open XML that decides the layout
/// (column widths, keep-with-next, the акт сверки's two sides).
/// </summary>
public partial class DocumentLayoutTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Contracts", "Templates");

    private static DocxTemplate Template(string id) => DocxTemplate.Compile(File.ReadAllBytes(Path.Combine(Folder, id + ".docx")));

    private static JsonObject Sample(string id) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, id + ".sample.json")))!.AsObject();

    private static byte[] Render(string id, JsonObject data) =>
        Template(id).Render(JsonSerializer.SerializeToElement(data), new RenderOptions(Strict: true));

    /// <summary>The software-supply sample as the contracts capability assembles it for a given prepayment.</summary>
    private static JsonObject SupplyWithPrepayment(int percent)
    {
        var sample = Sample("software-supply");
        var fields = sample.DeepClone().AsObject();
        foreach (var serverField in new[] { "supplier", "client", "number", "date", "total", "vat_amount", "postpayment_percent" })
        {
            fields.Remove(serverField);
        }

        fields["prepayment_percent"] = percent;
        return ContractData.Build(new ContractRequest { TemplateId = "software-supply", Fields = fields }, sample["client"]!.AsObject(),
            sample["supplier"]!.AsObject(), new ContractsOptions(), "2026-0017", new DateOnly(2026, 11, 24));
    }

    /// <summary>An invoice to a buyer whose card has the INN and nothing else.</summary>
    private static JsonObject InvoiceToBuyerWithOnlyAnInn()
    {
        var firm = new FirmRequisites
        {
            Name = "ООО «Бухсофт-Сервис»", Inn = "7714123450", Kpp = "771401001", Ogrn = "1187746123456", Address = "125040, г. Москва, ул. Правды, д. 8",
            Bank = "ПАО Сбербанк", Account = "40702810938000012345", CorrAccount = "30101810400000000225", Bik = "044525225",
            SignatoryShort = "А.В. Соколов", AccountantShort = "О.Н. Кузнецова",
        };
        return InvoiceDocuments.InvoiceData(InvoiceSamples.Draft(), firm, new ClientRequisites(Inn: "7705987654"));
    }

    [Fact]
    public async Task Documents_LaidOutByLibreOffice_BreakNoHeaderWordAndFollowTheirData()
    {
        var documents = BuildTemplatesCommand.Templates.ToDictionary(t => t.Id, t => Render(t.Id, Sample(t.Id)));
        documents["software-supply-prepayment-30"] = Render("software-supply", SupplyWithPrepayment(30));
        documents["software-supply-prepayment-0"] = Render("software-supply", SupplyWithPrepayment(0));
        documents["invoice-buyer-inn-only"] = Render("invoice", InvoiceToBuyerWithOnlyAnInn());

        var folder = Directory.CreateTempSubdirectory("officeflow-layout-");
        Dictionary<string, string> pdf;
        try
        {
            var paths = new List<string>();
            foreach (var (name, docx) in documents)
            {
                var path = Path.Combine(folder.FullName, name + ".docx");
                await File.WriteAllBytesAsync(path, docx);
                paths.Add(path);
            }

            pdf = (await LibreOffice.ToPdfTextAsync(paths)).ToDictionary(p => Path.GetFileNameWithoutExtension(p.Key), p => p.Value);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        Assert.True(File.Exists(Path.Combine(LibreOffice.ArtifactsFolder, "service-maintenance-1.png")), "the page renders are kept as test artifacts");
        foreach (var (name, docx) in documents)
        {
            // A header word squeezed by its column comes out of the PDF as two pieces ("Вознагражд" + "ение,"), so it is
            // found whole fewer times than the document holds it.
            var printed = Words(pdf[name]);
            foreach (var word in HeaderWords(docx))
            {
                var inDocument = Words(BodyText(docx)).Count(w => w == word);
                var whole = printed.Count(w => w == word);
                Assert.True(whole >= inDocument, $"{name}: the table header word «{word}» is broken across lines in the PDF LibreOffice lays out:\n{pdf[name]}");
            }
        }

        Assert.Contains("Кол-во лицензий", Flat(pdf["license"]));
        Assert.Contains("Вознаграждение, руб.", Flat(pdf["license"]));

        // Clauses follow the data: all paid in advance has no "remaining part"; a part has one; none pays after delivery.
        var full = Flat(pdf["software-supply"]);
        Assert.Contains("Покупатель оплачивает 100% стоимости Товара авансом; срок оплаты составляет 3 (три) банковских дня", full);
        Assert.DoesNotContain("Оставшаяся часть", full);
        var part = Flat(pdf["software-supply-prepayment-30"]);
        Assert.Contains("предоплату в размере 30% стоимости Товара", part);
        Assert.Contains("Оставшаяся часть (70%) оплачивается", part);
        Assert.Contains("с даты поступления предоплаты", part);
        var none = Flat(pdf["software-supply-prepayment-0"]);
        Assert.Contains("Покупатель оплачивает Товар в течение 5 (пяти) банковских дней с даты поставки.", none);
        Assert.Contains("с даты подписания Договора", none);
        Assert.DoesNotContain("предоплат", none);

        // Numbers carry their words, and the noun agrees with the number.
        Assert.Contains("Срок реагирования на заявку Заказчика составляет 4 (четыре) рабочих часа", Flat(pdf["service-maintenance"]));
        Assert.Contains("срок передачи составляет 3 (три) рабочих дня", Flat(pdf["license"]));
        Assert.Contains("срок оплаты составляет 5 (пять) банковских дней", Flat(pdf["license"]));
        Assert.Contains("Гарантийный срок на материальные носители составляет 12 (двенадцать) месяцев.", full);

        // The buyer's line lists what the card has, with no empty requisite and no dangling comma.
        var invoice = Flat(pdf["invoice-buyer-inn-only"]);
        Assert.Contains("Покупатель (Заказчик): ООО Ромашка, ИНН 7705987654 Основание:", invoice);
        Assert.DoesNotContain("КПП ,", invoice);
        Assert.DoesNotContain(", ,", invoice);
        Assert.Contains("Поставщик (Исполнитель): ООО «Бухсофт-Сервис», ИНН 7714123450, КПП 771401001, ОГРН 1187746123456, 125040, г. Москва", invoice);

        // The акт сверки: the firm's side filled, the client's side there to be filled by the client.
        var statement = Flat(pdf["reconciliation"]);
        Assert.Contains("По данным ООО «Бухсофт-Сервис», руб.", statement);
        Assert.Contains("По данным ООО «Ромашка», руб.", statement);
        Assert.Contains("По данным ООО «Ромашка»: на ______________ задолженность", statement);
        Assert.Contains("(Пятнадцать тысяч двести рублей 00 копеек)", statement);
    }

    [Theory]
    [MemberData(nameof(FirmTemplatesTests.TemplateIds), MemberType = typeof(FirmTemplatesTests))]
    public void Template_TablesHaveFixedColumnsThatFillTheTextWidth(string id)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Render(id, Sample(id))), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var section = body.GetFirstChild<SectionProperties>()!;
        var margins = section.GetFirstChild<PageMargin>()!;
        var textWidth = (int)section.GetFirstChild<PageSize>()!.Width!.Value - (int)margins.Left!.Value - (int)margins.Right!.Value;

        foreach (var table in body.Descendants<Table>())
        {
            Assert.Equal(TableLayoutValues.Fixed, table.GetFirstChild<TableProperties>()!.GetFirstChild<TableLayout>()!.Type!.Value);
            Assert.Equal(textWidth, table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Sum(c => int.Parse(c.Width!.Value!)));
            Assert.All(table.Descendants<TableCell>(), cell =>
                Assert.Equal(TableWidthUnitValues.Dxa, cell.TableCellProperties!.TableCellWidth!.Type!.Value));
        }
    }

    [Theory]
    [MemberData(nameof(FirmTemplatesTests.NumberedTemplateIds), MemberType = typeof(FirmTemplatesTests))]
    public void Template_HeadingsAndTableIntroductionsKeepWithTheirNextParagraph(string id)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Render(id, Sample(id))), false);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();

        var headings = paragraphs.Where(p => SectionHeading().IsMatch(p.InnerText) || p.InnerText.StartsWith("ДОГОВОР", StringComparison.Ordinal)).ToList();
        var introductions = paragraphs.Where(p => p.InnerText.EndsWith(':') && p.NextSibling() is Table).ToList();

        Assert.All(headings.Concat(introductions), p => Assert.NotNull(p.ParagraphProperties?.KeepNext));
        if (id != "invoice")
        {
            Assert.True(headings.Count >= 5, $"{id}: expected the numbered section headings, found {headings.Count}");
        }
    }

    [Fact]
    public void Reconciliation_IsTwoSided_OnALandscapePage_WithTheClientsColumnsBlank()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Render("reconciliation", Sample("reconciliation"))), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Equal(PageOrientationValues.Landscape, body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!.Orient!.Value);

        var rows = body.Elements<Table>().First().Elements<TableRow>().ToList();
        var sides = rows[0].Elements<TableCell>().ToList();
        Assert.Equal(["По данным ООО «Бухсофт-Сервис», руб.", "По данным ООО «Ромашка», руб."], sides.Select(c => c.InnerText));
        Assert.All(sides, c => Assert.Equal(4, c.TableCellProperties!.GridSpan!.Val!.Value));
        Assert.Equal(["Дата", "Документ", "Дебет", "Кредит", "Дата", "Документ", "Дебет", "Кредит"], rows[1].Elements<TableCell>().Select(c => c.InnerText));
        Assert.All(rows.Take(2), r => Assert.NotNull(r.TableRowProperties?.GetFirstChild<TableHeader>()));

        var entries = rows.Skip(2).ToList();
        Assert.Equal(8 + 3, entries.Count);
        foreach (var row in entries)
        {
            var cells = row.Elements<TableCell>().Select(c => c.InnerText).ToList();
            Assert.Equal(8, cells.Count);
            Assert.NotEqual("", string.Concat(cells.Take(4)));
            Assert.Equal("", cells[4] + cells[6] + cells[7]);
            Assert.True(cells[5] is "" or "Сальдо начальное" or "Обороты за период" or "Сальдо конечное", cells[5]);
        }
    }

    private static IEnumerable<string> HeaderWords(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document!.Body!.Descendants<TableRow>()
            .Where(r => r.TableRowProperties?.GetFirstChild<TableHeader>() is not null)
            .SelectMany(r => r.Elements<TableCell>())
            .SelectMany(c => Words(c.InnerText))
            .Distinct()
            .ToList();
    }

    private static string BodyText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join(" ", document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }

    private static string[] Words(string text) => text.Split([' ', '\n', '\r', '\t', '\f'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The PDF's text as one line: lines joined with a space, runs of spaces collapsed (no-break spaces kept).</summary>
    private static string Flat(string text) => string.Join(' ', Words(text));

    [GeneratedRegex(@"^\d+\. [А-ЯЁ ,]+$")]
    private static partial Regex SectionHeading();
}
