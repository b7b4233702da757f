using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using OfficeFlow.Functions.Contracts.Templating;
using static OfficeFlow.Tests.Contracts.TestDocx;

namespace OfficeFlow.Tests.Contracts;

public class DocxTemplateErrorTests
{
    private static TemplateException CompileErrors(byte[] template) => Assert.Throws<TemplateException>(() => DocxTemplate.Compile(template));

    [Fact]
    public void Compile_ReportsEveryErrorAtOnceWithTagPartAndContext()
    {
        var template = Create(main =>
        {
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(P("Страница {page"));
            main.Document.Body!.GetFirstChild<SectionProperties>()!.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) });
        },
            P("Итого } рублей"),
            P("{#items}{name}{/lines}"),
            P("{/orphan}"),
            P("{#never}открыт"),
            P("{total|roubles}"),
            P("{total|vat}"),
            P("{}"));

        var errors = CompileErrors(template).Errors;

        Assert.Contains(errors, e => e is { Kind: TemplateErrorKind.UnclosedTag, Tag: "{page", Part: "word/footer1.xml" } && e.Context.Contains("Страница"));
        Assert.Contains(errors, e => e is { Kind: TemplateErrorKind.UnopenedTag, Part: "word/document.xml" } && e.Context == "Итого } рублей");
        Assert.Contains(errors, e => e is { Kind: TemplateErrorKind.MismatchedSection, Tag: "{/lines}" } && e.Message.Contains("{/items}"));
        Assert.Contains(errors, e => e is { Kind: TemplateErrorKind.UnopenedSection, Tag: "{/orphan}" });
        Assert.Contains(errors, e => e is { Kind: TemplateErrorKind.UnclosedSection, Tag: "{#never}" });
        Assert.Contains(errors, e => e is { Kind: TemplateErrorKind.UnknownFormatter, Tag: "{total|roubles}" } && e.Message.Contains("money"));
        Assert.Contains(errors, e => e is { Kind: TemplateErrorKind.UnknownFormatter, Tag: "{total|vat}" } && e.Message.Contains("vat:22"));
        Assert.Contains(errors, e => e is { Kind: TemplateErrorKind.InvalidTag, Tag: "{}" });
        Assert.Equal(8, errors.Count);
    }

    [Fact]
    public void Compile_RejectsSectionThatCannotRepeatAsAUnit()
    {
        var template = Create(P("{#items}снаружи"), Table(Row("внутри{/items}", "")));

        var error = Assert.Single(CompileErrors(template).Errors);

        Assert.Equal(TemplateErrorKind.SectionPlacement, error.Kind);
        Assert.Equal("{#items}", error.Tag);
    }

    [Fact]
    public void Render_StrictModeReportsEveryMissingFieldOnce()
    {
        var template = Create(Table(Row("{#items}{name}", "{price}{/items}")), P("{client.inn}"));

        var error = Assert.Throws<TemplateException>(() => Render(template, """{"items":[{"name":"a"},{"name":"b"}]}""", strict: true));

        Assert.Equal(["{price}", "{client.inn}"], error.Errors.Select(e => e.Tag));
    }

    [Fact]
    public void Compile_RejectsANonDocxFile()
    {
        var error = CompileErrors("это не docx"u8.ToArray());

        Assert.Equal(TemplateErrorKind.InvalidFile, Assert.Single(error.Errors).Kind);
        Assert.Contains("not a .docx", error.Errors[0].Message);
    }

    [Fact]
    public void Compile_RejectsAZipThatIsNotAWordDocument()
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            writer.Write("hello");
        }

        var error = CompileErrors(stream.ToArray());

        Assert.Equal(TemplateErrorKind.InvalidFile, Assert.Single(error.Errors).Kind);
    }

    [Fact]
    public void Compile_RejectsACorruptDocx()
    {
        var bytes = Create(P("{a}"));
        bytes.AsSpan(bytes.Length / 3, 200).Fill(0x55);

        Assert.Equal(TemplateErrorKind.InvalidFile, Assert.Single(CompileErrors(bytes).Errors).Kind);
    }

    [Fact]
    public void Compile_EnforcesFileSizeEntryCountAndPartSizeLimits()
    {
        var bytes = Create(P(new string('я', 5000) + "{a}"));

        var tooBig = Assert.Throws<TemplateException>(() => DocxTemplate.Compile(bytes, new TemplateLimits { MaxFileBytes = 100 }));
        var tooMany = Assert.Throws<TemplateException>(() => DocxTemplate.Compile(bytes, new TemplateLimits { MaxZipEntries = 2 }));
        var partTooBig = Assert.Throws<TemplateException>(() => DocxTemplate.Compile(bytes, new TemplateLimits { MaxCharactersInPart = 1000 }));

        Assert.Contains("at most 100 bytes", tooBig.Errors[0].Message);
        Assert.Contains("at most 2", tooMany.Errors[0].Message);
        Assert.Equal(TemplateErrorKind.InvalidFile, partTooBig.Errors[0].Kind);
    }
}
