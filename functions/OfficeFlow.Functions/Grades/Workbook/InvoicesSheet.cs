using DocumentFormat.OpenXml.Spreadsheet;

namespace OfficeFlow.Functions.Grades.Workbook;

/// <summary>
/// One invoice as it stood at month end. This is the seam for the invoices capability: it passes
/// these rows (register and aging) to <see cref="GradesWorkbookWriter"/>; without them the sheet says so.
/// </summary>
public sealed record InvoiceRegisterRow(
    string Number,
    DateOnly Date,
    string Client,
    decimal Amount,
    decimal Paid,
    DateOnly? DueDate,
    int DaysOverdue,
    string Status);

/// <summary>The Invoices sheet: the register at month end and its aging by days overdue.</summary>
internal static class InvoicesSheet
{
    public const string Name = "Счета";

    private static readonly string[] Headers = ["№ счёта", "Дата", "Клиент", "Сумма", "Оплачено", "Остаток", "Срок оплаты", "Дней просрочки", "Статус"];

    private static readonly (string Title, int From, int To)[] Buckets =
        [("Не просрочено", int.MinValue, 0), ("1–30 дней", 1, 30), ("31–60 дней", 31, 60), ("61–90 дней", 61, 90), ("Более 90 дней", 91, int.MaxValue)];

    public static Worksheet Build(IReadOnlyList<InvoiceRegisterRow>? invoices)
    {
        if (invoices is null)
        {
            return new Worksheet(new SheetData(
                SheetCells.Row(1, SheetCells.Text("A1", "Реестр счетов и анализ задолженности", WorkbookStyles.Title)),
                SheetCells.Row(2, SheetCells.Text("A2", "Реестр счетов в эту книгу не включён: она построена без данных о счетах (из файла журнала задач). Реестр и задолженность — в книге, которую формирует OfficeFlow за месяц."))));
        }

        var rows = new List<Row> { SheetCells.Row(1, Headers.Select((h, i) => SheetCells.Text($"{CellText.Column(i + 1)}1", h, WorkbookStyles.Header)).ToArray()) };
        uint r = 2;
        foreach (var invoice in invoices)
        {
            rows.Add(SheetCells.Row(r,
                SheetCells.Text($"A{r}", invoice.Number),
                SheetCells.Date($"B{r}", invoice.Date),
                SheetCells.Text($"C{r}", invoice.Client),
                SheetCells.Number($"D{r}", invoice.Amount, WorkbookStyles.Money),
                SheetCells.Number($"E{r}", invoice.Paid, WorkbookStyles.Money),
                SheetCells.Formula($"F{r}", $"D{r}-E{r}", invoice.Amount - invoice.Paid, WorkbookStyles.Money),
                invoice.DueDate is { } due ? SheetCells.Date($"G{r}", due) : SheetCells.Text($"G{r}", ""),
                SheetCells.Number($"H{r}", invoice.DaysOverdue, WorkbookStyles.Integer),
                SheetCells.Text($"I{r}", invoice.Status)));
            r++;
        }

        if (invoices.Count == 0)
        {
            rows.Add(SheetCells.Row(r, SheetCells.Text($"A{r}", "На конец месяца счетов нет.")));
            r++;
        }

        var last = Math.Max(r - 1, 2);
        r++;
        rows.Add(SheetCells.Row(r, SheetCells.Text($"A{r}", "Задолженность по срокам", WorkbookStyles.Header), SheetCells.Text($"B{r}", "Остаток", WorkbookStyles.Header)));
        foreach (var (title, from, to) in Buckets)
        {
            r++;
            var criteria = from == int.MinValue ? $"$H$2:$H${last},\"<=0\"" : to == int.MaxValue ? $"$H$2:$H${last},\">={from}\"" : $"$H$2:$H${last},\">={from}\",$H$2:$H${last},\"<={to}\"";
            var cached = invoices.Where(i => i.DaysOverdue >= from && i.DaysOverdue <= to).Sum(i => i.Amount - i.Paid);
            rows.Add(SheetCells.Row(r, SheetCells.Text($"A{r}", title), SheetCells.Formula($"B{r}", $"SUMIFS($F$2:$F${last},{criteria})", cached, WorkbookStyles.Money)));
        }

        return new Worksheet(
            SheetCells.FrozenHeader(2),
            SheetCells.Widths(22, 12, 36, 14, 14, 14, 12, 12, 16),
            new SheetData(rows),
            new AutoFilter { Reference = $"A1:I{last}" });
    }
}
