using DocumentFormat.OpenXml.Spreadsheet;
using OfficeFlow.Functions.Grades.Computation;

namespace OfficeFlow.Functions.Grades.Workbook;

/// <summary>Where the Summary's formulas find the policy's numbers on the Parameters sheet.</summary>
internal sealed record ParameterCells(
    string Roles,
    string BandMinimums,
    string BandNames,
    string BandCoefficients,
    string HeadShare,
    string HeadMinimum,
    string HeadRoleTitle);

/// <summary>The Parameters sheet: the policy's pay rules as used for the month, which the Summary's formulas read.</summary>
internal static class ParametersSheet
{
    public const string Name = "Параметры";

    // Column positions of the roles table, which VLOOKUP addresses by index.
    public const int PlanColumn = 2;
    public const int BaseColumn = 4;
    public const int TargetColumn = 5;
    public const int FloorColumn = 6;
    public const int CapColumn = 7;
    public const int MinimumColumn = 8;

    public static (Worksheet Sheet, ParameterCells Cells) Build(MonthGrades grades, TimeZoneInfo zone)
    {
        var policy = grades.Policy;
        var sheet = CellText.Sheet(Name);
        var rows = new List<Row>();
        uint r = 1;
        rows.Add(SheetCells.Row(r++, SheetCells.Text("A1", "Параметры расчёта (политика, действовавшая в месяце)", WorkbookStyles.Title)));
        rows.Add(Pair(r++, "Версия политики", policy.Version));
        rows.Add(Pair(r++, "Действует с месяца", policy.EffectiveFrom));
        rows.Add(Pair(r++, "Расчётный месяц", grades.Month.ToString()));
        rows.Add(Pair(r++, "Производственный календарь", policy.Calendar.Name));
        rows.Add(Pair(r++, "Основание", policy.Calendar.Source));
        rows.Add(SheetCells.Row(r, SheetCells.Text($"A{r}", "Рабочих дней в месяце"), SheetCells.Number($"B{r}", grades.MonthWorkingDays, WorkbookStyles.Integer)));
        r++;
        rows.Add(Pair(r++, "Часовой пояс", zone.Id));
        r++;

        rows.Add(Header(r++, "Роль", "План, баллов в рабочий день", "Код роли", "Оклад", "Целевая премия", "Минимум премии", "Максимум премии", "Гарантированный минимум"));
        var rolesFrom = r;
        foreach (var role in policy.Roles)
        {
            rows.Add(SheetCells.Row(r,
                SheetCells.Text($"A{r}", role.TitleRu), SheetCells.Number($"B{r}", role.PlanPointsPerWorkingDay, WorkbookStyles.Points), SheetCells.Text($"C{r}", role.Role),
                SheetCells.Number($"D{r}", role.BasePay, WorkbookStyles.Money), SheetCells.Number($"E{r}", role.TargetBonus, WorkbookStyles.Money),
                SheetCells.Number($"F{r}", role.BonusFloor, WorkbookStyles.Money), SheetCells.Number($"G{r}", role.BonusCap, WorkbookStyles.Money),
                SheetCells.Number($"H{r}", role.GuaranteedMinimum, WorkbookStyles.Money)));
            r++;
        }

        var roles = $"{sheet}$A${rolesFrom}:$H${r - 1}";
        r++;

        rows.Add(Header(r++, "Выполнение плана от", "Грейд", "Коэффициент премии"));
        var bandsFrom = r;
        foreach (var band in policy.Bands)
        {
            rows.Add(SheetCells.Row(r, SheetCells.Number($"A{r}", band.MinFulfilment, WorkbookStyles.Percent), SheetCells.Text($"B{r}", band.Band),
                SheetCells.Number($"C{r}", band.Coefficient, WorkbookStyles.Ratio)));
            r++;
        }

        var bandsTo = r - 1;
        r++;

        rows.Add(Header(r++, "Схема руководителя", "Значение"));
        var headRole = policy.FindRole(policy.Head.Role)!;
        rows.Add(Pair(r++, "Роль руководителя", headRole.TitleRu));
        var headTitle = $"{sheet}$B${r - 1}";
        rows.Add(SheetCells.Row(r, SheetCells.Text($"A{r}", "Доля от объёма отдела"), SheetCells.Number($"B{r}", policy.Head.Share, WorkbookStyles.Percent)));
        var headShare = $"{sheet}$B${r++}";
        rows.Add(SheetCells.Row(r, SheetCells.Text($"A{r}", "Гарантированный минимум"), SheetCells.Number($"B{r}", policy.Head.GuaranteedMinimum, WorkbookStyles.Money)));
        var headMinimum = $"{sheet}$B${r++}";
        r++;

        rows.Add(Header(r++, "Код удержания", "Удержание за качество", "Сумма за случай"));
        foreach (var deduction in policy.Deductions)
        {
            rows.Add(SheetCells.Row(r, SheetCells.Text($"A{r}", deduction.Code), SheetCells.Text($"B{r}", deduction.TitleRu), SheetCells.Number($"C{r}", deduction.Amount, WorkbookStyles.Money)));
            r++;
        }

        var worksheet = new Worksheet(SheetCells.Widths(34, 44, 20, 14, 16, 16, 16, 24), new SheetData(rows));
        var cells = new ParameterCells(roles, $"{sheet}$A${bandsFrom}:$A${bandsTo}", $"{sheet}$B${bandsFrom}:$B${bandsTo}", $"{sheet}$C${bandsFrom}:$C${bandsTo}",
            headShare, headMinimum, headTitle);
        return (worksheet, cells);
    }

    private static Row Pair(uint r, string label, string value) => SheetCells.Row(r, SheetCells.Text($"A{r}", label), SheetCells.Text($"B{r}", value));

    private static Row Header(uint r, params string[] titles) =>
        SheetCells.Row(r, titles.Select((t, i) => SheetCells.Text($"{CellText.Column(i + 1)}{r}", t, WorkbookStyles.Header)).ToArray());
}
