using DocumentFormat.OpenXml.Spreadsheet;
using OfficeFlow.Functions.Grades.Computation;

namespace OfficeFlow.Functions.Grades.Workbook;

/// <summary>The Catalog sheet: every task of the policy used for the month, with its class and points.</summary>
internal static class CatalogSheet
{
    public const string Name = "Каталог";

    private static readonly string[] Headers =
        ["Код", "Задача", "Task", "Категория", "Класс сложности", "Сложность", "Баллы", "Частота", "Автоматически при событии"];

    public static Worksheet Build(MonthGrades grades)
    {
        var policy = grades.Policy;
        var categories = policy.Categories.ToDictionary(c => c.Code, c => c.TitleRu, StringComparer.Ordinal);
        var classes = policy.Classes.ToDictionary(c => c.Class, c => c.TitleRu);
        var rows = new List<Row> { SheetCells.Row(1, Headers.Select((h, i) => SheetCells.Text($"{CellText.Column(i + 1)}1", h, WorkbookStyles.Header)).ToArray()) };
        uint r = 2;
        foreach (var task in policy.Catalog)
        {
            rows.Add(SheetCells.Row(r,
                SheetCells.Text($"A{r}", task.Code),
                SheetCells.Text($"B{r}", task.TitleRu),
                SheetCells.Text($"C{r}", task.TitleEn),
                SheetCells.Text($"D{r}", categories[task.Category]),
                SheetCells.Number($"E{r}", task.Class, WorkbookStyles.Integer),
                SheetCells.Text($"F{r}", classes[task.Class]),
                SheetCells.Number($"G{r}", task.Points, WorkbookStyles.Points),
                SheetCells.Text($"H{r}", FrequencyRu(task.Frequency)),
                SheetCells.Text($"I{r}", task.AutoEvent is null ? "вручную" : EventRu(task.AutoEvent))));
            r++;
        }

        return new Worksheet(
            SheetCells.FrozenHeader(2),
            SheetCells.Widths(7, 70, 50, 26, 10, 12, 8, 14, 30),
            new SheetData(rows),
            new AutoFilter { Reference = $"A1:I{r - 1}" });
    }

    private static string FrequencyRu(string frequency) => frequency switch
    {
        "daily" => "ежедневно",
        "weekly" => "еженедельно",
        "monthly" => "ежемесячно",
        "quarterly" => "ежеквартально",
        _ => "редко",
    };

    private static string EventRu(string autoEvent) => autoEvent switch
    {
        TaskEvents.ContactLogged => "записан контакт",
        TaskEvents.ClientCreated => "новый клиент",
        TaskEvents.ContractGenerated => "сформирован договор",
        TaskEvents.InvoiceIssued => "выставлен счёт",
        TaskEvents.ReminderSent => "отправлено напоминание",
        TaskEvents.PaymentLinked => "оплата привязана к счёту",
        _ => autoEvent,
    };
}
