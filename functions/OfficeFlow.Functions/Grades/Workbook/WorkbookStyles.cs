using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OfficeFlow.Functions.Grades.Workbook;

/// <summary>The workbook's cell formats; the constants are indexes into cellXfs.</summary>
public static class WorkbookStyles
{
    public const uint Default = 0;
    public const uint Header = 1;
    public const uint DateTime = 2;
    public const uint Date = 3;
    public const uint Money = 4;
    public const uint Points = 5;
    public const uint Percent = 6;
    public const uint Integer = 7;
    public const uint Title = 8;
    public const uint Ratio = 9;

    private const uint DateTimeFormat = 164;
    private const uint DateFormat = 165;
    private const uint MoneyFormat = 166;
    private const uint PointsFormat = 167;

    private const string DateTimeCode = "dd.mm.yyyy hh:mm";
    private const string DateCode = "dd.mm.yyyy";
    private const string MoneyCode = "#,##0.00\\ \"₽\"";
    private const string PointsCode = "#,##0.0";

    /// <summary>Text, as Excel's number format for a cell that holds text and must never be read as a formula.</summary>
    public const string TextFormat = "@";

    /// <summary>
    /// The number format code of a style, as the add-in sets it with Office.js (<c>range.numberFormat</c>):
    /// the custom codes written into the stylesheet below, and the built-in ones (10, 1, 2) spelled out.
    /// </summary>
    public static string FormatCode(uint style) => style switch
    {
        DateTime => DateTimeCode,
        Date => DateCode,
        Money => MoneyCode,
        Points => PointsCode,
        Percent => "0.00%",
        Integer => "0",
        Ratio => "0.00",
        _ => "General",
    };

    public static Stylesheet Create() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = DateTimeFormat, FormatCode = DateTimeCode },
            new NumberingFormat { NumberFormatId = DateFormat, FormatCode = DateCode },
            new NumberingFormat { NumberFormatId = MoneyFormat, FormatCode = MoneyCode },
            new NumberingFormat { NumberFormatId = PointsFormat, FormatCode = PointsCode })
        { Count = 4 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 13 }, new FontName { Val = "Calibri" }))
        { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { FontId = 0 },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            Numbered(DateTimeFormat),
            Numbered(DateFormat),
            Numbered(MoneyFormat),
            Numbered(PointsFormat),
            Numbered(10),
            Numbered(1),
            new CellFormat { FontId = 2, ApplyFont = true },
            Numbered(2))
        { Count = 10 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static CellFormat Numbered(uint format) => new() { NumberFormatId = format, ApplyNumberFormat = true, FontId = 0 };
}
