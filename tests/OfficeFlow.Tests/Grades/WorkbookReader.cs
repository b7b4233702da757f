using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OfficeFlow.Tests.Grades;

/// <summary>A cell as a reader of the file sees it: its formula (if any), its value as text, and whether it is text.</summary>
internal sealed record CellContent(string? Formula, string Value, bool IsText);

/// <summary>Reads sheets of an xlsx into plain dictionaries (cell reference → content), resolving shared and inline strings.</summary>
internal static class WorkbookReader
{
    public static Dictionary<string, CellContent> ReadSheet(string path, string sheetName)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        return ReadSheet(document, sheetName);
    }

    public static Dictionary<string, CellContent> ReadSheet(SpreadsheetDocument document, string sheetName)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var cells = new Dictionary<string, CellContent>(StringComparer.Ordinal);
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } reference ? ColumnNumber(reference) : column + 1;
                var address = OfficeFlow.Functions.Grades.Workbook.CellText.Column(column) + row.RowIndex!.Value;
                var type = cell.DataType?.Value;
                var value = type == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text)]
                    : type == CellValues.InlineString ? cell.InlineString?.InnerText ?? ""
                    : cell.CellValue?.Text ?? "";
                var isText = type == CellValues.SharedString || type == CellValues.InlineString || type == CellValues.String;
                if (cell.CellFormula is null && value.Length == 0)
                {
                    continue;
                }

                cells[address] = new CellContent(cell.CellFormula?.Text, value, isText);
            }
        }

        return cells;
    }

    private static int ColumnNumber(string reference)
    {
        var number = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            number = number * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return number;
    }
}
