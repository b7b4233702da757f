using System.Diagnostics;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static OfficeFlow.Tests.Contracts.TestDocx;

namespace OfficeFlow.Tests.Contracts;

/// <summary>The same template and data through docxtemplater (Node, root node_modules) and through OfficeFlow give the same text.</summary>
public class DocxtemplaterCompatibilityTests
{
    [Fact]
    public async Task DefaultSyntaxTemplate_RendersLikeDocxtemplater()
    {
        var splitTag = new Paragraph(
            new Run(new Text("Заказчик: ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new RunProperties(new Bold()), new Text("{cli")),
            new ProofError { Type = ProofingErrorValues.SpellStart },
            new Run(new Text("ent}")),
            new ProofError { Type = ProofingErrorValues.SpellEnd });
        var template = Create(main =>
            {
                var footer = main.AddNewPart<FooterPart>();
                footer.Footer = new Footer(P("Договор № {number}, {client}"));
                main.Document.Body!.GetFirstChild<SectionProperties>()!.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) });
            },
            P("ДОГОВОР № {number}"),
            splitTag,
            P("Адрес: {address}"),
            P("{#stages}"),
            P("Этап {title}: {#works}{.}; {/works}"),
            Table(Row("Работа", "Часы"), Row("{#tasks}{name}", "{hours}{/tasks}")),
            P("{/stages}"),
            P("{#vat}С НДС {rate}%{/vat}{^vat}Без НДС{/}"),
            P("{^empty}Список пуст{/empty}"),
            P("Начало {#pair}[{a}"),
            P("{b}]{/pair} конец"));
        var data = """
            {"number":"2026-0031","client":"ООО «Ромашка»","address":"г. Москва,\nул. Ленина, 1","vat":{"rate":22},"empty":[],
             "stages":[{"title":"Анализ","works":["интервью","отчёт"],"tasks":[{"name":"Обследование","hours":8},{"name":"Отчёт","hours":4}]},
                       {"title":"Внедрение","works":[],"tasks":[{"name":"Настройка","hours":16}]}],
             "pair":[{"a":1,"b":2},{"a":3,"b":4}]}
            """;

        var ours = Render(template, data);
        var theirs = await RenderWithDocxtemplaterAsync(template, data);

        Assert.Equal(Paragraphs(theirs), Paragraphs(ours));
        Assert.Equal(Paragraphs(theirs, "footer"), Paragraphs(ours, "footer"));
        Assert.Contains("Этап Анализ: интервью; отчёт; ", Paragraphs(ours));
    }

    private static async Task<byte[]> RenderWithDocxtemplaterAsync(byte[] template, string data)
    {
        var root = RepositoryRoot();
        Assert.True(Directory.Exists(Path.Combine(root, "node_modules", "docxtemplater")), "docxtemplater is missing: run `npm ci` at the repository root (./test.sh does).");
        var work = Directory.CreateTempSubdirectory("officeflow-dxt-");
        try
        {
            var input = Path.Combine(work.FullName, "t.docx");
            var json = Path.Combine(work.FullName, "d.json");
            var output = Path.Combine(work.FullName, "o.docx");
            await File.WriteAllBytesAsync(input, template);
            await File.WriteAllTextAsync(json, data);
            var start = new ProcessStartInfo("node") { WorkingDirectory = root, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { Path.Combine(root, "tests", "OfficeFlow.Tests", "Contracts", "docxtemplater-render.js"), input, json, output })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, "docxtemplater failed: " + await errors);
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OfficeFlow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OfficeFlow.sln not found above the test binaries.");
    }
}
