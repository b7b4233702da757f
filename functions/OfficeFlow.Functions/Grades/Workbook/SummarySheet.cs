using DocumentFormat.OpenXml.Spreadsheet;
using OfficeFlow.Functions.Grades.Computation;

namespace OfficeFlow.Functions.Grades.Workbook;

/// <summary>Where the Summary put things, for the chart, the add-in's API and the tests.</summary>
public sealed record SummaryLayout(int EmployeeRows, string NameColumn, string PointsColumn, uint HeadTopRow, uint ChartTopRow, int ColumnCount);

/// <summary>
/// The Summary sheet: one row per employee whose points, fulfilment, band, bonus and pay are formulas
/// over the Tasks and Parameters sheets, each with the computation's value cached; then the head's block.
/// Built once as a <see cref="SheetModel"/>: the workbook writes it, the add-in's API serves it.
/// </summary>
internal static class SummarySheet
{
    public const string Name = "Итоги";

    /// <summary>Rows in the head's block: its title and seven lines.</summary>
    public const int HeadBlockRows = 8;

    public static (SheetModel Sheet, SummaryLayout Layout) Build(MonthGrades grades, ParameterCells p, SheetNames names)
    {
        var policy = grades.Policy;
        var tasks = CellText.Sheet(names.Tasks);
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
        var profitCell = $"$B${headBlock + HeadBlockRows - 1}";

        var rows = new List<SheetRow> { new(1, headers.Select(h => SheetCell.Text(h, WorkbookStyles.Header)).ToArray()) };
        uint r = 2;
        foreach (var g in grades.Employees)
        {
            string Role(int column) => $"VLOOKUP($C{r},{p.Roles},{column},FALSE)";
            string Prorated(string amount) => $"ROUND({amount}*$E{r}/$F{r},2)";
            var cells = new List<SheetCell>
            {
                SheetCell.Text(g.Employee.Id),
                SheetCell.Text(g.Employee.Name),
                SheetCell.Text(g.Role.TitleRu),
                g.Employee.Joined is { } joined ? SheetCell.Date(joined) : SheetCell.Text(""),
                SheetCell.Number(g.WorkingDays, WorkbookStyles.Integer),
                SheetCell.Number(grades.MonthWorkingDays, WorkbookStyles.Integer),
                SheetCell.Calculated($"ROUND({Role(ParametersSheet.PlanColumn)}*$E{r},2)", g.Plan, WorkbookStyles.Points),
            };
            foreach (var c in policy.Classes)
            {
                cells.Add(SheetCell.Calculated($"SUMIFS({taskPoints},{taskEmployees},$A{r},{tasks}${TaskRows.ClassColumn}:${TaskRows.ClassColumn},{c.Class})", g.PointsByClass[c.Class], WorkbookStyles.Points));
            }

            for (var i = 0; i < policy.Categories.Count; i++)
            {
                var column = Col(categoryFrom + i);
                cells.Add(SheetCell.Calculated($"SUMIFS({taskPoints},{taskEmployees},$A{r},{tasks}${TaskRows.CategoryColumn}:${TaskRows.CategoryColumn},{column}$1)",
                    g.PointsByCategory[policy.Categories[i].Code], WorkbookStyles.Points));
            }

            cells.Add(SheetCell.Calculated($"SUM({Col(classFrom)}{r}:{Col(categoryFrom - 1)}{r})", g.Points, WorkbookStyles.Points));
            cells.Add(SheetCell.Calculated($"COUNTIFS({taskEmployees},$A{r})", g.TaskCount, WorkbookStyles.Integer));
            cells.Add(SheetCell.Calculated($"IF($G{r}=0,0,ROUND({total}{r}/$G{r},4))", g.Fulfilment, WorkbookStyles.Percent));
            cells.Add(SheetCell.CalculatedText($"LOOKUP({fulfilment}{r},{p.BandMinimums},{p.BandNames})", g.Band));
            cells.Add(SheetCell.Calculated($"LOOKUP({fulfilment}{r},{p.BandMinimums},{p.BandCoefficients})", g.Coefficient, WorkbookStyles.Ratio));
            cells.Add(SheetCell.Calculated(Prorated(Role(ParametersSheet.BaseColumn)), g.BasePay, WorkbookStyles.Money));
            cells.Add(SheetCell.Calculated(Prorated(Role(ParametersSheet.TargetColumn)), g.TargetBonus, WorkbookStyles.Money));
            cells.Add(SheetCell.Number(g.Deductions, WorkbookStyles.Money));
            cells.Add(SheetCell.Calculated(
                $"MAX({Role(ParametersSheet.FloorColumn)},MIN({Role(ParametersSheet.CapColumn)},ROUND({target}{r}*{fulfilment}{r}*{coefficient}{r},2))-{deductions}{r})", g.Bonus, WorkbookStyles.Money));
            if (g.IsHead)
            {
                cells.Add(SheetCell.Calculated(Prorated(p.HeadMinimum), g.GuaranteedMinimum, WorkbookStyles.Money));
                cells.Add(SheetCell.Calculated($"MAX({minimum}{r},{profitCell})", g.Pay, WorkbookStyles.Money));
            }
            else
            {
                cells.Add(SheetCell.Calculated(Prorated(Role(ParametersSheet.MinimumColumn)), g.GuaranteedMinimum, WorkbookStyles.Money));
                cells.Add(SheetCell.Calculated($"MAX({minimum}{r},{basePay}{r}+{bonus}{r})", g.Pay, WorkbookStyles.Money));
            }

            rows.Add(new SheetRow(r, cells));
            r++;
        }

        rows.AddRange(HeadBlock(grades, headBlock, p, lastRow, pay));

        var widths = headers.Select((h, i) => i switch { 0 => 16d, 1 => 26d, 2 => 20d, _ => 14d }).ToArray();
        return (new SheetModel(names.Summary, widths, rows), new SummaryLayout(n, "B", total, headBlock, headBlock + HeadBlockRows + 2, headers.Count));
    }

    /// <summary>The Summary as an Open XML worksheet: frozen header, widths, the rows, an autofilter over the employees.</summary>
    public static Worksheet Worksheet(SheetModel sheet, SummaryLayout layout) => new(
        SheetCells.FrozenHeader(2, selected: true),
        SheetCells.Widths(sheet.Widths.ToArray()),
        SheetCells.Data(sheet),
        new AutoFilter { Reference = $"A1:{Col(layout.ColumnCount)}{Math.Max(layout.EmployeeRows + 1, 2)}" });

    private static IEnumerable<SheetRow> HeadBlock(MonthGrades grades, uint top, ParameterCells p, int lastRow, string pay)
    {
        var head = grades.Head;
        var r = top;
        yield return new SheetRow(r, [SheetCell.Text("Расчёт руководителя отдела («внутренний предприниматель»)", WorkbookStyles.Title)]);
        yield return Line(++r, "Объём: абонентская плата", SheetCell.Number(grades.Inputs.SubscriptionVolume, WorkbookStyles.Money));
        yield return Line(++r, "Объём: разовые работы, принятые в месяце", SheetCell.Number(grades.Inputs.OneOffVolume, WorkbookStyles.Money));
        yield return Line(++r, "Доля руководителя", SheetCell.Calculated(p.HeadShare, head.Share, WorkbookStyles.Percent));
        yield return Line(++r, "Доля от объёма", SheetCell.Calculated($"ROUND(B{r - 1}*(B{r - 3}+B{r - 2}),2)", head.ShareOfVolume, WorkbookStyles.Money));
        yield return Line(++r, "Зарплаты штата (кроме руководителя)", grades.Inputs.StaffSalaries is { } given
            ? SheetCell.Number(given, WorkbookStyles.Money)
            : SheetCell.Calculated($"SUMIF($C$2:$C${Math.Max(lastRow, 2)},\"<>\"&{p.HeadRoleTitle},${pay}$2:${pay}${Math.Max(lastRow, 2)})", head.StaffSalaries, WorkbookStyles.Money));
        yield return Line(++r, "Сторонние исполнители", SheetCell.Number(grades.Inputs.Contractors, WorkbookStyles.Money));
        yield return Line(++r, "Прибыль отдела", SheetCell.Calculated($"B{r - 3}-B{r - 2}-B{r - 1}", head.Profit, WorkbookStyles.Money));
    }

    private static SheetRow Line(uint r, string label, SheetCell value) => new(r, [SheetCell.Text(label), value]);

    private static string Col(int number) => CellText.Column(number);
}
