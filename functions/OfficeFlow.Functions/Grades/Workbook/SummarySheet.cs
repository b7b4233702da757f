using DocumentFormat.OpenXml.Spreadsheet;
using OfficeFlow.Functions.Grades.Computation;

namespace OfficeFlow.Functions.Grades.Workbook;

/// <summary>Where the Summary put things, for the chart and the tests.</summary>
internal sealed record SummaryLayout(int EmployeeRows, string NameColumn, string PointsColumn, uint ChartTopRow, int ColumnCount);

/// <summary>
/// The Summary sheet: one row per employee whose points, fulfilment, band, bonus and pay are formulas
/// over the Tasks and Parameters sheets, each with the computation's value cached; then the head's block.
/// </summary>
internal static class SummarySheet
{
    public const string Name = "Итоги";

    public static (Worksheet Sheet, SummaryLayout Layout) Build(MonthGrades grades, ParameterCells p)
    {
        var policy = grades.Policy;
        var tasks = CellText.Sheet(TasksSheet.Name);
        var taskPoints = $"{tasks}${TaskRows.PointsColumn}:${TaskRows.PointsColumn}";
        var taskEmployees = $"{tasks}${TaskRows.EmployeeColumn}:${TaskRows.EmployeeColumn}";

        var headers = new List<string> { "ID сотрудника", "Сотрудник", "Роль", "Дата приёма", "Рабочих дней сотрудника", "Рабочих дней в месяце", "План, баллов" };
        var classFrom = headers.Count + 1;
        headers.AddRange(policy.Classes.Select(c => $"Баллы: класс {c.Class} ({c.TitleRu.ToLowerInvariant()})"));
        var categoryFrom = headers.Count + 1;
        headers.AddRange(policy.Categories.Select(c => c.TitleRu));
        int Next(string title)
        {
            headers.Add(title);
            return headers.Count;
        }

        var total = Col(Next("Баллы всего"));
        var count = Col(Next("Задач"));
        var fulfilment = Col(Next("Выполнение плана"));
        var band = Col(Next("Грейд"));
        var coefficient = Col(Next("Коэффициент"));
        var basePay = Col(Next("Оклад"));
        var target = Col(Next("Целевая премия"));
        var deductions = Col(Next("Удержания за качество"));
        var bonus = Col(Next("Премия"));
        var minimum = Col(Next("Гарантированный минимум"));
        var pay = Col(Next("К выплате"));

        var n = grades.Employees.Count;
        var lastRow = n + 1;
        var headBlock = (uint)lastRow + 2;
        var profitCell = $"$B${headBlock + 7}";

        var rows = new List<Row> { SheetCells.Row(1, headers.Select((h, i) => SheetCells.Text($"{Col(i + 1)}1", h, WorkbookStyles.Header)).ToArray()) };
        uint r = 2;
        foreach (var g in grades.Employees)
        {
            string Role(int column) => $"VLOOKUP($C{r},{p.Roles},{column},FALSE)";
            string Prorated(string amount) => $"ROUND({amount}*$E{r}/$F{r},2)";
            var cells = new List<Cell>
            {
                SheetCells.Text($"A{r}", g.Employee.Id),
                SheetCells.Text($"B{r}", g.Employee.Name),
                SheetCells.Text($"C{r}", g.Role.TitleRu),
                g.Employee.Joined is { } joined ? SheetCells.Date($"D{r}", joined) : SheetCells.Text($"D{r}", ""),
                SheetCells.Number($"E{r}", g.WorkingDays, WorkbookStyles.Integer),
                SheetCells.Number($"F{r}", grades.MonthWorkingDays, WorkbookStyles.Integer),
                SheetCells.Formula($"G{r}", $"ROUND({Role(ParametersSheet.PlanColumn)}*$E{r},2)", g.Plan, WorkbookStyles.Points),
            };
            for (var i = 0; i < policy.Classes.Count; i++)
            {
                var c = policy.Classes[i].Class;
                cells.Add(SheetCells.Formula($"{Col(classFrom + i)}{r}", $"SUMIFS({taskPoints},{taskEmployees},$A{r},{tasks}${TaskRows.ClassColumn}:${TaskRows.ClassColumn},{c})", g.PointsByClass[c], WorkbookStyles.Points));
            }

            for (var i = 0; i < policy.Categories.Count; i++)
            {
                var column = Col(categoryFrom + i);
                cells.Add(SheetCells.Formula($"{column}{r}", $"SUMIFS({taskPoints},{taskEmployees},$A{r},{tasks}${TaskRows.CategoryColumn}:${TaskRows.CategoryColumn},{column}$1)",
                    g.PointsByCategory[policy.Categories[i].Code], WorkbookStyles.Points));
            }

            cells.Add(SheetCells.Formula($"{total}{r}", $"SUM({Col(classFrom)}{r}:{Col(categoryFrom - 1)}{r})", g.Points, WorkbookStyles.Points));
            cells.Add(SheetCells.Formula($"{count}{r}", $"COUNTIFS({taskEmployees},$A{r})", g.TaskCount, WorkbookStyles.Integer));
            cells.Add(SheetCells.Formula($"{fulfilment}{r}", $"IF($G{r}=0,0,ROUND({total}{r}/$G{r},4))", g.Fulfilment, WorkbookStyles.Percent));
            cells.Add(SheetCells.TextFormula($"{band}{r}", $"LOOKUP({fulfilment}{r},{p.BandMinimums},{p.BandNames})", g.Band));
            cells.Add(SheetCells.Formula($"{coefficient}{r}", $"LOOKUP({fulfilment}{r},{p.BandMinimums},{p.BandCoefficients})", g.Coefficient, WorkbookStyles.Ratio));
            cells.Add(SheetCells.Formula($"{basePay}{r}", Prorated(Role(ParametersSheet.BaseColumn)), g.BasePay, WorkbookStyles.Money));
            cells.Add(SheetCells.Formula($"{target}{r}", Prorated(Role(ParametersSheet.TargetColumn)), g.TargetBonus, WorkbookStyles.Money));
            cells.Add(SheetCells.Number($"{deductions}{r}", g.Deductions, WorkbookStyles.Money));
            cells.Add(SheetCells.Formula($"{bonus}{r}",
                $"MAX({Role(ParametersSheet.FloorColumn)},MIN({Role(ParametersSheet.CapColumn)},ROUND({target}{r}*{fulfilment}{r}*{coefficient}{r},2))-{deductions}{r})", g.Bonus, WorkbookStyles.Money));
            if (g.IsHead)
            {
                cells.Add(SheetCells.Formula($"{minimum}{r}", Prorated(p.HeadMinimum), g.GuaranteedMinimum, WorkbookStyles.Money));
                cells.Add(SheetCells.Formula($"{pay}{r}", $"MAX({minimum}{r},{profitCell})", g.Pay, WorkbookStyles.Money));
            }
            else
            {
                cells.Add(SheetCells.Formula($"{minimum}{r}", Prorated(Role(ParametersSheet.MinimumColumn)), g.GuaranteedMinimum, WorkbookStyles.Money));
                cells.Add(SheetCells.Formula($"{pay}{r}", $"MAX({minimum}{r},{basePay}{r}+{bonus}{r})", g.Pay, WorkbookStyles.Money));
            }

            rows.Add(SheetCells.Row(r, cells.ToArray()));
            r++;
        }

        rows.AddRange(HeadBlock(grades, headBlock, p, lastRow, pay));

        var widths = headers.Select((h, i) => i switch { 0 => 16d, 1 => 26d, 2 => 20d, _ => 14d }).ToArray();
        var sheet = new Worksheet(
            SheetCells.FrozenHeader(2, selected: true),
            SheetCells.Widths(widths),
            new SheetData(rows),
            new AutoFilter { Reference = $"A1:{Col(headers.Count)}{Math.Max(lastRow, 2)}" });
        return (sheet, new SummaryLayout(n, "B", total, headBlock + 10, headers.Count));
    }

    private static IEnumerable<Row> HeadBlock(MonthGrades grades, uint top, ParameterCells p, int lastRow, string pay)
    {
        var head = grades.Head;
        var r = top;
        yield return SheetCells.Row(r, SheetCells.Text($"A{r}", "Расчёт руководителя отдела («внутренний предприниматель»)", WorkbookStyles.Title));
        yield return Line(++r, "Объём: абонентская плата", SheetCells.Number($"B{r}", grades.Inputs.SubscriptionVolume, WorkbookStyles.Money));
        yield return Line(++r, "Объём: разовые работы, принятые в месяце", SheetCells.Number($"B{r}", grades.Inputs.OneOffVolume, WorkbookStyles.Money));
        yield return Line(++r, "Доля руководителя", SheetCells.Formula($"B{r}", p.HeadShare, head.Share, WorkbookStyles.Percent));
        yield return Line(++r, "Доля от объёма", SheetCells.Formula($"B{r}", $"ROUND(B{r - 1}*(B{r - 3}+B{r - 2}),2)", head.ShareOfVolume, WorkbookStyles.Money));
        yield return Line(++r, "Зарплаты штата (кроме руководителя)", grades.Inputs.StaffSalaries is { } given
            ? SheetCells.Number($"B{r}", given, WorkbookStyles.Money)
            : SheetCells.Formula($"B{r}", $"SUMIF($C$2:$C${Math.Max(lastRow, 2)},\"<>\"&{p.HeadRoleTitle},${pay}$2:${pay}${Math.Max(lastRow, 2)})", head.StaffSalaries, WorkbookStyles.Money));
        yield return Line(++r, "Сторонние исполнители", SheetCells.Number($"B{r}", grades.Inputs.Contractors, WorkbookStyles.Money));
        yield return Line(++r, "Прибыль отдела", SheetCells.Formula($"B{r}", $"B{r - 3}-B{r - 2}-B{r - 1}", head.Profit, WorkbookStyles.Money));
    }

    private static Row Line(uint r, string label, Cell value) => SheetCells.Row(r, SheetCells.Text($"A{r}", label), value);

    private static string Col(int number) => CellText.Column(number);
}
