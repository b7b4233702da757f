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

/// <summary>The Parameters sheet: the policy's pay rules as used for the month, which the Summary's formulas read.
/// Built once as a <see cref="SheetModel"/>: the workbook writes it, the add-in's API serves it.</summary>
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

    public static (SheetModel Sheet, ParameterCells Cells) Build(MonthGrades grades, TimeZoneInfo zone, SheetNames names)
    {
        var policy = grades.Policy;
        var sheet = CellText.Sheet(names.Parameters);
        var rows = new List<SheetRow>();
        uint r = 1;
        rows.Add(new SheetRow(r++, [SheetCell.Text("Параметры расчёта (политика, действовавшая в месяце)", WorkbookStyles.Title)]));
        rows.Add(Pair(r++, "Версия политики", policy.Version));
        rows.Add(Pair(r++, "Действует с месяца", policy.EffectiveFrom));
        rows.Add(Pair(r++, "Расчётный месяц", grades.Month.ToString()));
        rows.Add(Pair(r++, "Производственный календарь", policy.Calendar.Name));
        rows.Add(Pair(r++, "Основание", policy.Calendar.Source));
        rows.Add(new SheetRow(r++, [SheetCell.Text("Рабочих дней в месяце"), SheetCell.Number(grades.MonthWorkingDays, WorkbookStyles.Integer)]));
        rows.Add(Pair(r++, "Часовой пояс", zone.Id));
        r++;

        rows.Add(Header(r++, "Роль", "План, баллов в рабочий день", "Код роли", "Оклад", "Целевая премия", "Минимум премии", "Максимум премии", "Гарантированный минимум"));
        var rolesFrom = r;
        foreach (var role in policy.Roles)
        {
            rows.Add(new SheetRow(r++, [
                SheetCell.Text(role.TitleRu), SheetCell.Number(role.PlanPointsPerWorkingDay, WorkbookStyles.Points), SheetCell.Text(role.Role),
                SheetCell.Number(role.BasePay, WorkbookStyles.Money), SheetCell.Number(role.TargetBonus, WorkbookStyles.Money),
                SheetCell.Number(role.BonusFloor, WorkbookStyles.Money), SheetCell.Number(role.BonusCap, WorkbookStyles.Money),
                SheetCell.Number(role.GuaranteedMinimum, WorkbookStyles.Money)]));
        }

        var roles = $"{sheet}$A${rolesFrom}:$H${r - 1}";
        r++;

        rows.Add(Header(r++, "Выполнение плана от", "Грейд", "Коэффициент премии"));
        var bandsFrom = r;
        foreach (var band in policy.Bands)
        {
            rows.Add(new SheetRow(r++, [SheetCell.Number(band.MinFulfilment, WorkbookStyles.Percent), SheetCell.Text(band.Band), SheetCell.Number(band.Coefficient, WorkbookStyles.Ratio)]));
        }

        var bandsTo = r - 1;
        r++;

        rows.Add(Header(r++, "Схема руководителя", "Значение"));
        var headRole = policy.FindRole(policy.Head.Role)!;
        rows.Add(Pair(r++, "Роль руководителя", headRole.TitleRu));
        var headTitle = $"{sheet}$B${r - 1}";
        rows.Add(new SheetRow(r, [SheetCell.Text("Доля от объёма отдела"), SheetCell.Number(policy.Head.Share, WorkbookStyles.Percent)]));
        var headShare = $"{sheet}$B${r++}";
        rows.Add(new SheetRow(r, [SheetCell.Text("Гарантированный минимум"), SheetCell.Number(policy.Head.GuaranteedMinimum, WorkbookStyles.Money)]));
        var headMinimum = $"{sheet}$B${r++}";
        r++;

        rows.Add(Header(r++, "Код удержания", "Удержание за качество", "Сумма за случай"));
        foreach (var deduction in policy.Deductions)
        {
            rows.Add(new SheetRow(r++, [SheetCell.Text(deduction.Code), SheetCell.Text(deduction.TitleRu), SheetCell.Number(deduction.Amount, WorkbookStyles.Money)]));
        }

        var cells = new ParameterCells(roles, $"{sheet}$A${bandsFrom}:$A${bandsTo}", $"{sheet}$B${bandsFrom}:$B${bandsTo}", $"{sheet}$C${bandsFrom}:$C${bandsTo}",
            headShare, headMinimum, headTitle);
        return (new SheetModel(names.Parameters, Widths, rows), cells);
    }

    /// <summary>The Parameters sheet as an Open XML worksheet.</summary>
    public static Worksheet Worksheet(SheetModel sheet) => new(SheetCells.Widths(sheet.Widths.ToArray()), SheetCells.Data(sheet));

    private static readonly double[] Widths = [34, 44, 20, 14, 16, 16, 16, 24];

    private static SheetRow Pair(uint r, string label, string value) => new(r, [SheetCell.Text(label), SheetCell.Text(value)]);

    private static SheetRow Header(uint r, params string[] titles) => new(r, titles.Select(t => SheetCell.Text(t, WorkbookStyles.Header)).ToArray());
}
