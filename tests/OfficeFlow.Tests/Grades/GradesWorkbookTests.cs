using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OfficeFlow.Functions.Grades.Computation;
using OfficeFlow.Functions.Grades.Workbook;

namespace OfficeFlow.Tests.Grades;

public sealed class GradesWorkbookTests : IDisposable
{
    private const string Injection = "=HYPERLINK(\"http://x\",\"y\")";
    private readonly string _folder = Directory.CreateTempSubdirectory("grades-wb-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (string Path, MonthGrades Grades, int Rows) WriteSample()
    {
        var file = SampleLedger.Read();
        var entries = file.ToEntries().ToList();
        var headId = file.Employees.Single(e => e.Role == "head").Id;
        var first = entries.First(e => e.EmployeeId == headId);
        entries.Add(first with { Id = "inj", ClientId = "c-x", ClientName = Injection, Note = "@SUM(1+1)" });
        var grades = SampleLedger.Compute(file, entries);
        var path = System.IO.Path.Combine(_folder, "grades-2026-10.xlsx");
        using var stream = File.Create(path);
        var rows = GradesWorkbookWriter.Write(stream, grades, entries, GradesTestData.Moscow);
        return (path, grades, rows);
    }

    [Fact]
    public void Workbook_HasTheSheetsInOrderWithFrozenHeadersAndFilters()
    {
        var (path, _, rows) = WriteSample();

        using var document = SpreadsheetDocument.Open(path, false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToArray();
        Assert.Equal(new[] { "Итоги", "Задачи", "Каталог", "Параметры", "Счета" }, sheets);
        Assert.Equal(501, rows);
        foreach (var name in new[] { "Итоги", "Задачи", "Каталог" })
        {
            var part = (WorksheetPart)document.WorkbookPart.GetPartById(document.WorkbookPart.Workbook.Sheets.Elements<Sheet>().Single(s => s.Name == name).Id!);
            var pane = part.Worksheet.Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal("A2", pane.TopLeftCell!.Value);
            Assert.NotNull(part.Worksheet.GetFirstChild<AutoFilter>());
            Assert.NotNull(part.Worksheet.GetFirstChild<Columns>());
        }

        var tasks = WorkbookReader.ReadSheet(document, "Задачи");
        Assert.Equal("Дата и время", tasks["A1"].Value);
        Assert.Equal(502, tasks.Keys.Select(k => k.TrimStart('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K')).Distinct().Count());
    }

    [Fact]
    public void Summary_CachedValuesEqualTheComputationAndCellsAreFormulas()
    {
        var (path, grades, _) = WriteSample();

        var summary = WorkbookReader.ReadSheet(path, "Итоги");
        var headers = summary.Where(c => c.Key.EndsWith('1') && c.Key.Length <= 3 && char.IsLetter(c.Key[^2])).ToDictionary(c => c.Value.Value, c => c.Key[..^1]);
        for (var i = 0; i < grades.Employees.Count; i++)
        {
            var g = grades.Employees[i];
            var row = i + 2;
            CellContent At(string header) => summary[headers[header] + row];
            Assert.Equal(g.Employee.Name, At("Сотрудник").Value);
            AssertFormula(At("Баллы всего"), g.Points);
            AssertFormula(At("Выполнение плана"), g.Fulfilment);
            AssertFormula(At("Премия"), g.Bonus);
            AssertFormula(At("К выплате"), g.Pay);
            Assert.NotNull(At("Грейд").Formula);
            Assert.Equal(g.Band, At("Грейд").Value);
        }

        var anna = grades.Employees.Single(e => e.Employee.Name == "Анна Смирнова");
        Assert.Equal("A", anna.Band);
        Assert.Equal(324.5m, anna.Points);
        var ivan = grades.Employees.Single(e => e.Employee.Name == "Иван Кузнецов");
        Assert.Equal(15, ivan.WorkingDays);                   // joined Monday 12 October
        Assert.Equal(ivan.GuaranteedMinimum, ivan.Pay);
        Assert.True(grades.Employees.Single(e => e.IsHead).Pay >= 60000m);
    }

    [Fact]
    public void Workbook_SameMonthGivesTheSameBytes()
    {
        var first = File.ReadAllBytes(WriteSample().Path);
        var second = File.ReadAllBytes(WriteSample().Path);

        Assert.Equal(first, second);
    }

    [Fact]
    public void ClientText_ThatLooksLikeAFormula_IsWrittenAsText()
    {
        var (path, _, _) = WriteSample();

        var tasks = WorkbookReader.ReadSheet(path, "Задачи");
        var cell = Assert.Single(tasks.Values, c => c.Value == Injection);
        Assert.True(cell.IsText);
        Assert.Null(cell.Formula);
        Assert.DoesNotContain(tasks.Values, c => c.Formula is not null);
    }

    [Fact]
    public void Workbook_HasAPointsChartOverTheSummary()
    {
        var (path, grades, _) = WriteSample();

        using var document = SpreadsheetDocument.Open(path, false);
        var summary = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var chart = summary.DrawingsPart!.ChartParts.Single().ChartSpace;
        var formulas = chart.Descendants<DocumentFormat.OpenXml.Drawing.Charts.Formula>().Select(f => f.Text).ToArray();
        Assert.Contains($"'Итоги'!$B$2:$B${grades.Employees.Count + 1}", formulas);
        Assert.Equal(grades.Employees.Count, chart.Descendants<DocumentFormat.OpenXml.Drawing.Charts.NumericPoint>().Count());
    }

    [Fact]
    public async Task LibreOffice_RecalculatesEverySummaryCellToTheCachedValue()
    {
        var (path, _, _) = WriteSample();
        var expected = WorkbookReader.ReadSheet(path, "Итоги");

        // Remove the cached results, so whatever LibreOffice saves can only be its own calculation.
        var blank = System.IO.Path.Combine(_folder, "blank.xlsx");
        File.Copy(path, blank);
        using (var document = SpreadsheetDocument.Open(blank, true))
        {
            var part = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
            foreach (var cell in part.Worksheet.Descendants<Cell>().Where(c => c.CellFormula is not null))
            {
                cell.CellValue?.Remove();
            }
        }

        var recalculated = WorkbookReader.ReadSheet(await LibreOfficeRecalc.RecalculateAsync(blank, _folder), "Итоги");

        Assert.True(expected.Count(c => c.Value.Formula is not null) > 80, "the Summary should be mostly formulas");
        foreach (var (address, cell) in expected)
        {
            Assert.True(recalculated.TryGetValue(address, out var actual), $"{address} is missing after LibreOffice");
            if (cell.IsText)
            {
                Assert.True(cell.Value == actual.Value, $"{address}: expected '{cell.Value}', LibreOffice gives '{actual.Value}'");
            }
            else
            {
                var want = double.Parse(cell.Value, CultureInfo.InvariantCulture);
                var got = double.Parse(actual.Value, CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(want - got) < 1e-6, $"{address} ({cell.Formula}): cached {want}, LibreOffice {got}");
            }
        }
    }

    private static void AssertFormula(CellContent cell, decimal expected)
    {
        Assert.NotNull(cell.Formula);
        Assert.Equal(expected, decimal.Parse(cell.Value, CultureInfo.InvariantCulture));
    }
}
