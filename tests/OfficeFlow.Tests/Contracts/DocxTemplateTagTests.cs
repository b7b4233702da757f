using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using OfficeFlow.Functions.Contracts.Templating;
using static OfficeFlow.Tests.Contracts.TestDocx;

namespace OfficeFlow.Tests.Contracts;

public class DocxTemplateTagTests
{
    [Fact]
    public void Render_ReplacesFieldsAndDottedPaths()
    {
        var template = Create(P("Договор № {number} с {client.name}, ИНН {client.inn}"));

        var output = Render(template, """{"number":"2026-0015","client":{"name":"ООО «Ромашка»","inn":"7701234567"}}""");

        Assert.Equal("Договор № 2026-0015 с ООО «Ромашка», ИНН 7701234567", BodyText(output));
        Assert.Empty(Validate(output));
    }

    [Fact]
    public void Render_FindsTagSplitAcrossRunsAndKeepsFormattingOfFirstRun()
    {
        var bold = new Run(new RunProperties(new Bold()), new Text("{cli") { Space = SpaceProcessingModeValues.Preserve });
        var paragraph = new Paragraph(
            new Run(new Text("Заказчик: ") { Space = SpaceProcessingModeValues.Preserve }),
            bold,
            new ProofError { Type = ProofingErrorValues.SpellStart },
            new BookmarkStart { Id = "1", Name = "client" },
            new Run(new Text("ent.na")),
            new BookmarkEnd { Id = "1" },
            new ProofError { Type = ProofingErrorValues.SpellEnd },
            new Run(new RunProperties(new Italic()), new Text("me} и далее")));
        var template = Create(paragraph);

        var output = Render(template, """{"client":{"name":"ООО Ромашка"}}""");

        Assert.Equal("Заказчик: ООО Ромашка и далее", BodyText(output));
        using var document = WordprocessingDocument.Open(new MemoryStream(output), false);
        var valueRun = document.MainDocumentPart!.Document.Body!.Descendants<Run>().Single(r => r.InnerText.Contains("Ромашка"));
        Assert.NotNull(valueRun.RunProperties?.Bold);
        Assert.Empty(Validate(output));
    }

    [Fact]
    public void Render_MissingFieldIsEmptyByDefaultAndAnErrorInStrictMode()
    {
        var template = Create(P("ИНН: {client.inn}; КПП: {client.kpp}"));

        Assert.Equal("ИНН: 7701; КПП: ", BodyText(Render(template, """{"client":{"inn":"7701"}}""")));
        var error = Assert.Throws<TemplateException>(() => Render(template, """{"client":{"inn":"7701"}}""", strict: true));
        var only = Assert.Single(error.Errors);
        Assert.Equal(TemplateErrorKind.UnknownField, only.Kind);
        Assert.Equal("{client.kpp}", only.Tag);
        Assert.Equal("word/document.xml", only.Part);
    }

    [Fact]
    public void Render_InsertsValuesAsTextWithoutXmlInjection()
    {
        var template = Create(P("Примечание: {note}"));

        var output = Render(template, """{"note":"</w:t></w:r><w:r><w:t>взлом & <b>\u0001\u0008"}""");

        Assert.Equal("Примечание: </w:t></w:r><w:r><w:t>взлом & <b>", BodyText(output));
        Assert.Empty(Validate(output));
    }

    [Fact]
    public void Render_TurnsNewlinesIntoLineBreaksInsideTheSameParagraph()
    {
        var template = Create(P("Адрес: {address}"));

        var output = Render(template, """{"address":"г. Москва,\nул. Ленина, д. 1\r\nофис 5"}""");

        var paragraphs = Paragraphs(output);
        Assert.Equal(["Адрес: г. Москва,\nул. Ленина, д. 1\nофис 5"], paragraphs);
        Assert.Empty(Validate(output));
    }

    [Fact]
    public void Render_AppliesFormatters()
    {
        var template = Create(P("{total|money} руб. ({total|words}), НДС {total|vat:22|money}, с НДС {total|with_vat:22|money}, дата {date|date_ru}, {date|date}"));

        var output = Render(template, """{"total":1500,"date":"2026-11-22"}""");

        Assert.Equal("1\u00A0500,00 руб. (Одна тысяча пятьсот рублей 00 копеек), НДС 330,00, с НДС 1\u00A0830,00, дата «22» ноября 2026 г., 22.11.2026", BodyText(output));
    }

    [Fact]
    public void Render_ValueAFormatterCannotReadIsAnError()
    {
        var template = Create(P("Сумма: {total|money}"));

        var error = Assert.Throws<TemplateException>(() => Render(template, """{"total":"много"}"""));

        Assert.Equal(TemplateErrorKind.BadValue, Assert.Single(error.Errors).Kind);
        Assert.Contains("много", error.Errors[0].Message);
    }

    [Fact]
    public void Render_TemplatesHeadersAndFooters()
    {
        var template = Create(main =>
        {
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(P("Договор № {number}"));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(P("{client.name} — страница"));
            var sections = main.Document.Body!.GetFirstChild<SectionProperties>()!;
            sections.Append(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) });
        }, P("Тело"));

        var output = Render(template, """{"number":"2026-0007","client":{"name":"ИП Иванов"}}""");

        Assert.Equal(["Договор № 2026-0007"], Paragraphs(output, "header"));
        Assert.Equal(["ИП Иванов — страница"], Paragraphs(output, "footer"));
        Assert.Empty(Validate(output));
    }

    [Fact]
    public void Render_FillsContentControlsWhoseTagNamesAField()
    {
        var control = new SdtRun(
            new SdtProperties(new Tag { Val = "client.name" }, new SdtAlias { Val = "Клиент" }, new ShowingPlaceholder()),
            new SdtContentRun(new Run(new Text("Нажмите, чтобы ввести текст"))));
        var other = new SdtRun(
            new SdtProperties(new Tag { Val = "не поле!" }),
            new SdtContentRun(new Run(new Text("оставить"))));
        var template = Create(new Paragraph(new Run(new Text("Клиент: ") { Space = SpaceProcessingModeValues.Preserve }), control, new Run(new Text(" ") { Space = SpaceProcessingModeValues.Preserve }), other));

        var output = Render(template, """{"client":{"name":"ООО Ромашка"}}""");

        Assert.Equal("Клиент: ООО Ромашка оставить", BodyText(output));
        Assert.Empty(Validate(output));
    }

    [Fact]
    public void Render_TemplatesTextBoxes()
    {
        var textBox = new Run(new Picture(new DocumentFormat.OpenXml.Vml.Shape(
            new DocumentFormat.OpenXml.Vml.TextBox(new TextBoxContent(P("Итого: {total|money}"))))
        { Id = "tb1", Style = "width:200pt;height:40pt" }));
        var template = Create(new Paragraph(new Run(new Text("Перед ") { Space = SpaceProcessingModeValues.Preserve }), textBox));

        var output = Render(template, """{"total":2500}""");

        Assert.Contains("Итого: 2\u00A0500,00", Paragraphs(output));
    }

    [Fact]
    public void Fields_ListWhatTheTemplateAsksForWithSectionsNested()
    {
        var template = DocxTemplate.Compile(Create(
            P("{number} {client.name} {total|money}"),
            Table(Row("{#items}{name}", "{price|money}{/items}")),
            P("{^items}Нет позиций{/items}")));

        var fields = template.Fields;

        Assert.Equal(["number", "client.name", "total", "items"], fields.Select(f => f.Name));
        Assert.Equal(["money"], fields[2].Formatters);
        Assert.Equal(TemplateFieldKind.Section, fields[3].Kind);
        Assert.Equal(["name", "price"], fields[3].Fields.Select(f => f.Name));
    }

    [Fact]
    public void Render_TemplatesFootnotes()
    {
        var template = Create(main =>
        {
            var notes = main.AddNewPart<FootnotesPart>();
            notes.Footnotes = new Footnotes(new Footnote(P("Цены указаны на {date|date}.")) { Id = 1 });
        }, new Paragraph(new Run(new Text("Стоимость")), new Run(new FootnoteReference { Id = 1 })));

        var output = Render(template, """{"date":"2026-11-22"}""");

        using var document = WordprocessingDocument.Open(new MemoryStream(output), false);
        Assert.Equal("Цены указаны на 22.11.2026.", document.MainDocumentPart!.FootnotesPart!.Footnotes!.InnerText);
    }
}
