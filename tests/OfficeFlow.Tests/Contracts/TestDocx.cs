using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using OfficeFlow.Functions.Contracts.Templating;

namespace OfficeFlow.Tests.Contracts;

/// <summary>Builds small .docx templates in memory and reads rendered ones back as text.</summary>
internal static class TestDocx
{
    public static Paragraph P(params string[] runs) => new(runs.Select(r => new Run(new Text(r) { Space = SpaceProcessingModeValues.Preserve })));

    public static byte[] Create(params OpenXmlElement[] bodyContent) => Create(_ => { }, bodyContent);

    public static byte[] Create(Action<MainDocumentPart> extra, params OpenXmlElement[] bodyContent)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(bodyContent.Append(new SectionProperties())));
            extra(main);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    public static Table Table(params OpenXmlElement[] rows)
    {
        var table = new Table(
            new TableProperties(new TableWidth { Type = TableWidthUnitValues.Auto, Width = "0" }),
            new TableGrid(new GridColumn { Width = "3000" }, new GridColumn { Width = "3000" }));
        table.Append(rows);
        return table;
    }

    public static TableRow Row(params string[] cells) => new(cells.Select(c => new TableCell(P(c))));

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    public static byte[] Render(byte[] template, string json, bool strict = false) =>
        DocxTemplate.Compile(template).Render(Json(json), new RenderOptions(strict));

    /// <summary>The text of each body paragraph (tables included, in order); w:br reads as "\n", w:tab as "\t".</summary>
    public static List<string> Paragraphs(byte[] docx, string? part = null)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        OpenXmlElement root = part switch
        {
            null => document.MainDocumentPart!.Document.Body!,
            "header" => document.MainDocumentPart!.HeaderParts.Single().Header!,
            "footer" => document.MainDocumentPart!.FooterParts.Single().Footer!,
            _ => throw new ArgumentException(part),
        };
        return root.Descendants<Paragraph>().Select(TextOf).ToList();
    }

    public static string TextOf(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t: text.Append(t.Text); break;
                case Break: text.Append('\n'); break;
                case TabChar: text.Append('\t'); break;
            }
        }

        return text.ToString();
    }

    public static string BodyText(byte[] docx) => string.Join("|", Paragraphs(docx));

    /// <summary>Open XML SDK validation errors (Office 2019 rules) of every part.</summary>
    public static List<string> Validate(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri}: {e.Description} at {e.Path?.XPath}").ToList();
    }
}
