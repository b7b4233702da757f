namespace OfficeFlow.Functions.Grades.Workbook;

/// <summary>The name of the detail sheet (every ledger entry of the month), written by <see cref="TasksSheetWriter"/>.</summary>
internal static class TasksSheet
{
    public const string Name = "Задачи";
}
