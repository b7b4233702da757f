using OfficeFlow.Cli;
using static OfficeFlow.Tests.Contracts.TestDocx;

namespace OfficeFlow.Tests.Contracts;

public class RenderCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("officeflow-render-");

    private string PathOf(string name) => Path.Combine(_folder.FullName, name);

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Render_WritesTheDocument()
    {
        await File.WriteAllBytesAsync(PathOf("t.docx"), Create(P("Сумма: {total|money} ({total|words})")));
        await File.WriteAllTextAsync(PathOf("d.json"), """{"total": 2001}""");

        var (code, output, _) = await Run("render", "--template", PathOf("t.docx"), "--data", PathOf("d.json"), "--out", PathOf("o.docx"));

        Assert.Equal(0, code);
        Assert.Contains("o.docx", output);
        Assert.Equal("Сумма: 2\u00A0001,00 (Две тысячи один рубль 00 копеек)", BodyText(await File.ReadAllBytesAsync(PathOf("o.docx"))));
    }

    [Fact]
    public async Task Render_ListsEveryTemplateErrorExitsNonZeroAndWritesNothing()
    {
        await File.WriteAllBytesAsync(PathOf("t.docx"), Create(P("{#items}{name}"), P("{total|rub}")));
        await File.WriteAllTextAsync(PathOf("d.json"), "{}");

        var (code, _, errors) = await Run("render", "--template", PathOf("t.docx"), "--data", PathOf("d.json"), "--out", PathOf("o.docx"));

        Assert.Equal(1, code);
        Assert.Contains("2 error(s)", errors);
        Assert.Contains("{#items}", errors);
        Assert.Contains("{total|rub}", errors);
        Assert.Contains("word/document.xml", errors);
        Assert.False(File.Exists(PathOf("o.docx")));
    }

    [Fact]
    public async Task Render_StrictReportsMissingFields()
    {
        await File.WriteAllBytesAsync(PathOf("t.docx"), Create(P("ИНН {client.inn}")));
        await File.WriteAllTextAsync(PathOf("d.json"), "{}");

        var (code, _, errors) = await Run("render", "--template", PathOf("t.docx"), "--data", PathOf("d.json"), "--out", PathOf("o.docx"), "--strict");

        Assert.Equal(1, code);
        Assert.Contains("client.inn", errors);
    }

    [Fact]
    public async Task Render_WithoutRequiredOptionsPrintsUsage()
    {
        var (code, _, errors) = await Run("render", "--template", "x.docx");

        Assert.Equal(2, code);
        Assert.Contains("Missing --data, --out", errors);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
