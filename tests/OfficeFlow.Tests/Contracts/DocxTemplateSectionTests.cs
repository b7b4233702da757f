using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static OfficeFlow.Tests.Contracts.TestDocx;

namespace OfficeFlow.Tests.Contracts;

public class DocxTemplateSectionTests
{
    [Fact]
    public void InlineSection_LoopsInsideOneParagraph()
    {
        var template = Create(P("Услуги: {#items}{name}; {/items}конец"));

        var output = Render(template, """{"items":[{"name":"выезд"},{"name":"консультация"}]}""");

        Assert.Equal("Услуги: выезд; консультация; конец", BodyText(output));
    }

    [Theory]
    [InlineData("""{"vat":true}""", "Цена с НДС.")]
    [InlineData("""{"vat":1}""", "Цена с НДС.")]
    [InlineData("""{"vat":"да"}""", "Цена с НДС.")]
    [InlineData("""{"vat":{"rate":22}}""", "Цена с НДС.")]
    [InlineData("""{"vat":false}""", "Цена без НДС.")]
    [InlineData("""{"vat":0}""", "Цена без НДС.")]
    [InlineData("""{"vat":""}""", "Цена без НДС.")]
    [InlineData("""{"vat":null}""", "Цена без НДС.")]
    [InlineData("""{"vat":[]}""", "Цена без НДС.")]
    [InlineData("""{}""", "Цена без НДС.")]
    public void Sections_ShowOnTruthyAndInvertedSectionsOnFalsy(string data, string expected)
    {
        var template = Create(P("Цена {#vat}с НДС{/vat}{^vat}без НДС{/}."));

        Assert.Equal(expected, BodyText(Render(template, data)));
    }

    [Fact]
    public void ObjectSection_MakesTheObjectTheScopeAndFallsBackToOuterFields()
    {
        var template = Create(P("{#client}{name}, {city}{/client}"));

        var output = Render(template, """{"city":"Москва","client":{"name":"ООО Ромашка"}}""");

        Assert.Equal("ООО Ромашка, Москва", BodyText(output));
    }

    [Fact]
    public void Dot_IsTheCurrentItem()
    {
        var template = Create(P("Этапы: {#stages}[{.}]{/stages}"));

        Assert.Equal("Этапы: [анализ][внедрение]", BodyText(Render(template, """{"stages":["анализ","внедрение"]}""")));
    }

    [Fact]
    public void ParagraphLoop_RepeatsWholeParagraphsAndLeavesNoEmptyParagraph()
    {
        var template = Create(P("Перед"), P("{#items}"), P("Пункт {name}"), P("Подпункт {note}"), P("{/items}"), P("После"));

        var output = Render(template, """{"items":[{"name":"1","note":"a"},{"name":"2","note":"b"}]}""");

        Assert.Equal(["Перед", "Пункт 1", "Подпункт a", "Пункт 2", "Подпункт b", "После"], Paragraphs(output));
        Assert.Equal(["Перед", "После"], Paragraphs(Render(template, """{"items":[]}""")));
        Assert.Empty(Validate(output));
    }

    [Fact]
    public void MultiParagraphSection_RepeatsTablesAndPageBreaksBetweenItsTags()
    {
        var pageBreak = new Paragraph(new Run(new Break { Type = BreakValues.Page }));
        var template = Create(
            P("{#appendices}"),
            P("Приложение {number}"),
            Table(Row("Позиция", "{title}")),
            pageBreak,
            P("{/appendices}"));

        var output = Render(template, """{"appendices":[{"number":1,"title":"A"},{"number":2,"title":"B"},{"number":3,"title":"C"}]}""");

        using var document = WordprocessingDocument.Open(new MemoryStream(output), false);
        var body = document.MainDocumentPart!.Document.Body!;
        Assert.Equal(3, body.Elements<Table>().Count());
        Assert.Equal(3, body.Descendants<Break>().Count(b => b.Type?.Value == BreakValues.Page));
        Assert.Equal(["Приложение 1", "Позиция", "A", "\n", "Приложение 2", "Позиция", "B", "\n", "Приложение 3", "Позиция", "C", "\n"], Paragraphs(output));
        Assert.Empty(Validate(output));
    }

    [Fact]
    public void SectionAcrossParagraphsNotAlone_RepeatsTheTextBetweenTags()
    {
        var template = Create(P("Начало {#items}[{name}"), P("{name}] "), P("конец{/items} хвост"));

        var output = Render(template, """{"items":[{"name":"a"},{"name":"b"}]}""");

        Assert.Equal(["Начало [a", "a] ", "конец[b", "b] ", "конец хвост"], Paragraphs(output));
        Assert.Empty(Validate(output));
    }

    [Fact]
    public void TableRowLoop_RepeatsTheRowForEachItem()
    {
        var template = Create(Table(
            Row("Наименование", "Сумма"),
            Row("{#items}{name}", "{price|money}{/items}"),
            Row("Итого", "{total|money}")));

        var output = Render(template, """{"items":[{"name":"Лицензия","price":1000},{"name":"Обновление","price":2500.5},{"name":"Выезд","price":3000}],"total":6500.5}""");

        using var document = WordprocessingDocument.Open(new MemoryStream(output), false);
        var rows = document.MainDocumentPart!.Document.Body!.Descendants<TableRow>().Select(r => string.Join("|", r.Elements<TableCell>().Select(c => c.InnerText))).ToList();
        Assert.Equal(["Наименование|Сумма", "Лицензия|1\u00A0000,00", "Обновление|2\u00A0500,50", "Выезд|3\u00A0000,00", "Итого|6\u00A0500,50"], rows);
        Assert.Empty(Validate(output));
    }

    [Fact]
    public void TableRowLoop_SpanningTwoRowsRepeatsBoth()
    {
        var template = Create(Table(
            Row("{#items}{name}", "{price}"),
            Row("примечание", "{note}{/items}")));

        var output = Render(template, """{"items":[{"name":"a","price":1,"note":"x"},{"name":"b","price":2,"note":"y"}]}""");

        Assert.Equal(["a", "1", "примечание", "x", "b", "2", "примечание", "y"], Paragraphs(output));
    }

    [Fact]
    public void NestedLoops_RowLoopInsideParagraphLoopWithOuterFieldsVisible()
    {
        var template = Create(
            P("{#months}"),
            P("Месяц: {month}"),
            Table(Row("{#visits}{date}", "{engineer} ({month}){/visits}")),
            P("{/months}"));

        var output = Render(template, """
            {"months":[
              {"month":"январь","visits":[{"date":"10.01","engineer":"Петров"},{"date":"20.01","engineer":"Сидоров"}]},
              {"month":"февраль","visits":[{"date":"05.02","engineer":"Петров"}]}]}
            """);

        Assert.Equal(
            ["Месяц: январь", "10.01", "Петров (январь)", "20.01", "Сидоров (январь)", "Месяц: февраль", "05.02", "Петров (февраль)"],
            Paragraphs(output));
        Assert.Empty(Validate(output));
    }

    [Fact]
    public void NestedTables_AreTemplated()
    {
        var inner = Table(Row("{#lines}{.}", "x{/lines}"));
        var outer = Table(new TableRow(new TableCell(P("Внешняя {title}")), new TableCell(inner, P(""))));
        var template = Create(outer);

        var output = Render(template, """{"title":"T","lines":["a","b"]}""");

        Assert.Equal(["Внешняя T", "a", "x", "b", "x", ""], Paragraphs(output));
        Assert.Empty(Validate(output));
    }

    [Fact]
    public void ParagraphLoopFillingATableCell_LeavesTheCellValidWhenEmpty()
    {
        var cell = new TableCell(P("{#notes}"), P("{.}"), P("{/notes}"));
        var template = Create(Table(new TableRow(new TableCell(P("Примечания")), cell)));

        var empty = Render(template, """{"notes":[]}""");
        var two = Render(template, """{"notes":["a","b"]}""");

        Assert.Equal(["Примечания", ""], Paragraphs(empty));
        Assert.Empty(Validate(empty));
        Assert.Equal(["Примечания", "a", "b", ""], Paragraphs(two));
    }
}
