using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OfficeFlow.Functions.Grades.Workbook;
using OfficeFlow.Tests.Contracts;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using A = DocumentFormat.OpenXml.Drawing;

namespace OfficeFlow.Tests.Grades;

/// <summary>The accountant's workbook on paper and on screen: print setup, the chart's bars, the Счета sheet's wording.</summary>
public sealed class GradesWorkbookPrintTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("grades-print-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(IReadOnlyList<InvoiceRegisterRow>? invoices, string name = "grades-2026-10.xlsx")
    {
        var file = SampleLedger.Read();
        var entries = file.ToEntries().ToList();
        var path = Path.Combine(_folder, name);
        using var stream = File.Create(path);
        GradesWorkbookWriter.Write(stream, SampleLedger.Compute(file, entries), entries, GradesTestData.Moscow, new GradesWorkbookOptions { Invoices = invoices });
        return path;
    }

    private static WorksheetPart Sheet(SpreadsheetDocument document, string name) =>
        (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name).Id!);

    [Fact]
    public void EverySheet_PrintsLandscapeOnePageWide_WithTheHeaderRowRepeated()
    {
        using var document = SpreadsheetDocument.Open(Write([]), false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

        foreach (var name in sheets)
        {
            var worksheet = Sheet(document, name).Worksheet;
            var page = worksheet.GetFirstChild<PageSetup>();
            Assert.True(page is not null, $"{name}: no page setup");
            Assert.Equal(OrientationValues.Landscape, page.Orientation!.Value);
            Assert.Equal(1u, page.FitToWidth!.Value);
            Assert.Equal(0u, page.FitToHeight!.Value);
            Assert.True(worksheet.GetFirstChild<SheetProperties>()?.PageSetupProperties?.FitToPage?.Value, $"{name}: fit to page is off, so fit to width is ignored");
        }

        var titles = document.WorkbookPart.Workbook.DefinedNames!.Elements<DefinedName>().Where(n => n.Name == "_xlnm.Print_Titles")
            .ToDictionary(n => sheets[(int)n.LocalSheetId!.Value], n => n.Text);
        foreach (var name in new[] { "Итоги", "Задачи", "Каталог", "Счета" })
        {
            Assert.Equal($"'{name}'!$1:$1", titles[name]);
        }
    }

    [Fact]
    public void TasksSheet_ShowsEmployeeNames_TheIdColumnIsHidden()
    {
        using var document = SpreadsheetDocument.Open(Write([]), false);
        var tasks = WorkbookReader.ReadSheet(document, "Задачи");
        var columns = Sheet(document, "Задачи").Worksheet.GetFirstChild<Columns>()!.Elements<Column>().ToList();

        Assert.Equal("ID сотрудника", tasks["B1"].Value);
        Assert.True(columns[1].Hidden?.Value, "the employee id column is visible");
        Assert.All(columns.Where((_, i) => i != 1), c => Assert.False(c.Hidden?.Value ?? false));
        Assert.Equal("Сотрудник", tasks["C1"].Value);
        Assert.DoesNotMatch("^[0-9a-f]{8}-", tasks["C2"].Value);
    }

    [Fact]
    public void PointsChart_BarsHaveAnExplicitFill()
    {
        using var document = SpreadsheetDocument.Open(Write([]), false);
        var chart = Sheet(document, "Итоги").DrawingsPart!.ChartParts.Single().ChartSpace!;

        var series = chart.Descendants<C.BarChartSeries>().Single();
        var fill = series.GetFirstChild<C.ChartShapeProperties>()?.GetFirstChild<A.SolidFill>();
        Assert.NotNull(fill?.RgbColorModelHex?.Val?.Value);
    }

    [Fact]
    public void InvoicesSheet_SaysInBusinessTermsWhenThereIsNoInvoiceData()
    {
        using (var document = SpreadsheetDocument.Open(Write(null), false))
        {
            var note = WorkbookReader.ReadSheet(document, "Счета")["A2"].Value;
            Assert.Contains("Реестр счетов в эту книгу не включён", note);
            Assert.DoesNotContain("модуль", note);
        }

        using (var document = SpreadsheetDocument.Open(Write([], "empty.xlsx"), false))
        {
            Assert.Equal("На конец месяца счетов нет.", WorkbookReader.ReadSheet(document, "Счета")["A2"].Value);
        }
    }

    [Fact]
    public async Task Workbook_OpensInLibreOffice_AndItsPagesAreKeptAsArtifacts()
    {
        var path = Write([], "grades-workbook.xlsx");

        var text = (await LibreOffice.ToPdfTextAsync([path]))["grades-workbook.xlsx"];

        // The Tasks sheet runs over several pages; its header row is printed on each of them.
        var headers = text.Split("Дата и время").Length - 1;
        Assert.True(headers >= 2, $"the Tasks header is printed {headers} time(s)");
        Assert.True(File.Exists(Path.Combine(LibreOffice.ArtifactsFolder, "grades-workbook-01.png")) || File.Exists(Path.Combine(LibreOffice.ArtifactsFolder, "grades-workbook-1.png")));
    }
}
