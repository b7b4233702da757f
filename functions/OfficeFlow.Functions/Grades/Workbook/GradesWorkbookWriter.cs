using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OfficeFlow.Functions.Grades.Computation;

namespace OfficeFlow.Functions.Grades.Workbook;

/// <summary>What the workbook shows beyond the month's grades and ledger.</summary>
public sealed record GradesWorkbookOptions
{
    /// <summary>Client names by client id, for ledger entries that carry only the id.</summary>
    public IReadOnlyDictionary<string, string>? ClientNames { get; init; }

    /// <summary>The invoice register at month end, from the invoices capability; null leaves the Invoices sheet with a note.</summary>
    public IReadOnlyList<InvoiceRegisterRow>? Invoices { get; init; }
}

/// <summary>
/// Writes the accountant's workbook: Итоги (Summary), Задачи (Tasks), Каталог (Catalog), Параметры, Счета (Invoices).
/// The small sheets are built with the SDK's DOM in memory; the Tasks sheet, which may hold a million rows,
/// is streamed with <see cref="OpenXmlWriter"/> straight into the output zip while the small package's parts
/// are copied around it, so it never exists in memory (the SDK's own package would buffer it whole).
/// </summary>
public static class GradesWorkbookWriter
{
    private const string SummaryId = "rIdSummary";
    private const string TasksId = "rIdTasks";
    private const string CatalogId = "rIdCatalog";
    private const string ParametersId = "rIdParameters";
    private const string InvoicesId = "rIdInvoices";
    private const string StylesId = "rIdStyles";
    private const string SharedStringsId = "rIdSharedStrings";

    /// <summary>Writes the workbook and returns how many Tasks rows it holds.</summary>
    public static int Write(Stream output, MonthGrades grades, IEnumerable<LedgerEntry> entries, TimeZoneInfo zone, GradesWorkbookOptions? options = null)
    {
        options ??= new GradesWorkbookOptions();
        using var skeleton = new MemoryStream();
        var (tasksEntry, sharedEntry) = WriteSkeleton(skeleton, grades, zone, options);

        skeleton.Position = 0;
        using var source = new ZipArchive(skeleton, ZipArchiveMode.Read);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var count = 0;

        // A fixed entry time (the end of the month) makes the same month give the same bytes on every run.
        var stamp = new DateTimeOffset(grades.Month.Next.FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var shared = new SharedStrings();
        foreach (var part in source.Entries.Where(e => e.FullName != sharedEntry))
        {
            using var to = Create(target, part.FullName, stamp);
            if (part.FullName == tasksEntry)
            {
                count = TasksSheetWriter.Write(to, TaskRows.Of(grades, entries, zone, options.ClientNames), shared);
            }
            else
            {
                using var from = part.Open();
                from.CopyTo(to);
            }
        }

        // Last, because only now is every shared string known; readers do not care about entry order.
        using (var to = Create(target, sharedEntry, stamp))
        {
            TasksSheetWriter.WriteSharedStrings(to, shared);
        }

        return count;
    }

    private static Stream Create(ZipArchive zip, string name, DateTimeOffset stamp)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = stamp;
        return entry.Open();
    }

    /// <summary>Writes every part except the Tasks sheet's and the shared strings' content; returns those parts' entry names.</summary>
    private static (string Tasks, string SharedStrings) WriteSkeleton(Stream stream, MonthGrades grades, TimeZoneInfo zone, GradesWorkbookOptions options)
    {
        var sheets = MonthSheets.Build(grades, zone, SheetNames.Workbook);
        var layout = sheets.Layout;

        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        // Fixed relationship ids everywhere: generated ones are random and would make every run a different file.
        var workbookPart = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rIdWorkbook");
        workbookPart.Workbook = BuildWorkbook(grades, layout);

        var sharedStrings = workbookPart.AddNewPart<SharedStringTablePart>(SharedStringsId);
        sharedStrings.SharedStringTable = new SharedStringTable();

        var styles = workbookPart.AddNewPart<WorkbookStylesPart>(StylesId);
        styles.Stylesheet = WorkbookStyles.Create();

        var summary = workbookPart.AddNewPart<WorksheetPart>(SummaryId);
        summary.Worksheet = PrintSetup.Apply(SummarySheet.Worksheet(sheets.Summary, layout));
        PointsChart.Add(summary, layout, grades.Employees.Select(g => (g.Employee.Name, g.Points)).ToList());

        var tasks = workbookPart.AddNewPart<WorksheetPart>(TasksId);
        tasks.Worksheet = new Worksheet(new SheetData());

        Save(workbookPart.AddNewPart<WorksheetPart>(CatalogId), PrintSetup.Apply(CatalogSheet.Build(grades)));
        Save(workbookPart.AddNewPart<WorksheetPart>(ParametersId), PrintSetup.Apply(ParametersSheet.Worksheet(sheets.Parameters)));
        Save(workbookPart.AddNewPart<WorksheetPart>(InvoicesId), PrintSetup.Apply(InvoicesSheet.Build(options.Invoices)));
        return (tasks.Uri.OriginalString.TrimStart('/'), sharedStrings.Uri.OriginalString.TrimStart('/'));
    }

    private static void Save(WorksheetPart part, Worksheet sheet) => part.Worksheet = sheet;

    private static DocumentFormat.OpenXml.Spreadsheet.Workbook BuildWorkbook(MonthGrades grades, SummaryLayout layout)
    {
        var names = new DefinedNames(
            FilterDatabase(0, SummarySheet.Name, $"$A$1:${CellText.Column(layout.ColumnCount)}${Math.Max(grades.Employees.Count + 1, 2)}"),
            FilterDatabase(2, CatalogSheet.Name, $"$A$1:$I${grades.Policy.Catalog.Count + 1}"),
            PrintSetup.Titles(0, SummarySheet.Name),
            PrintSetup.Titles(1, TasksSheet.Name),
            PrintSetup.Titles(2, CatalogSheet.Name),
            PrintSetup.Titles(4, InvoicesSheet.Name));
        return new DocumentFormat.OpenXml.Spreadsheet.Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            new Sheets(
                new Sheet { Name = SummarySheet.Name, SheetId = 1, Id = SummaryId },
                new Sheet { Name = TasksSheet.Name, SheetId = 2, Id = TasksId },
                new Sheet { Name = CatalogSheet.Name, SheetId = 3, Id = CatalogId },
                new Sheet { Name = ParametersSheet.Name, SheetId = 4, Id = ParametersId },
                new Sheet { Name = InvoicesSheet.Name, SheetId = 5, Id = InvoicesId }),
            names,
            new CalculationProperties { CalculationId = 191029 });
    }

    // Excel keeps an autofilter's range in this hidden name. The Tasks sheet has none: its row count is known
    // only after streaming, when the workbook part is already written; its sheet-level autoFilter suffices.
    private static DefinedName FilterDatabase(uint sheetIndex, string sheet, string range) =>
        new(CellText.Sheet(sheet) + range) { Name = "_xlnm._FilterDatabase", LocalSheetId = sheetIndex, Hidden = true };
}
