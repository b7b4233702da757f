using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OfficeFlow.Functions.Grades.Workbook;

/// <summary>
/// How every sheet prints: A4 landscape, scaled to the page's width (as many pages down as it takes), narrow
/// margins; the header rows repeat on each printed page through the workbook's <c>_xlnm.Print_Titles</c> names.
/// </summary>
internal static class PrintSetup
{
    /// <summary>A4 in the spreadsheet's paper codes.</summary>
    private const uint A4 = 9;

    /// <summary>Adds the print setup to a sheet built in memory; call before a drawing is appended (pageSetup precedes it).</summary>
    public static Worksheet Apply(Worksheet sheet)
    {
        sheet.PrependChild(Properties());
        sheet.Append(Margins(), Page());
        return sheet;
    }

    /// <summary>The sheet's properties: fit-to-page on, so that <see cref="Page"/>'s fit to width applies.</summary>
    public static SheetProperties Properties() => new(new PageSetupProperties { FitToPage = true });

    public static PageMargins Margins() => new() { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 };

    /// <summary>Landscape, one page wide; 0 pages tall means "as many as needed".</summary>
    public static PageSetup Page() => new() { PaperSize = A4, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 };

    /// <summary>The rows 1..<paramref name="lastHeaderRow"/> of a sheet repeat at the top of every printed page.</summary>
    public static DefinedName Titles(uint sheetIndex, string sheet, uint lastHeaderRow = 1) =>
        new($"{CellText.Sheet(sheet)}$1:${lastHeaderRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = sheetIndex };
}
