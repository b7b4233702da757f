using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using A = DocumentFormat.OpenXml.Drawing;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace OfficeFlow.Functions.Grades.Workbook;

/// <summary>A column chart of points per employee on the Summary sheet, fed by the Summary's name and points columns.</summary>
internal static class PointsChart
{
    private const string DrawingId = "rIdDrawing";
    private const string ChartId = "rIdChart";

    /// <summary>The bars' colour: Office's default first accent blue.</summary>
    private const string BarColor = "4472C4";

    public static void Add(WorksheetPart summary, SummaryLayout layout, IReadOnlyList<(string Name, decimal Points)> points)
    {
        summary.Worksheet.Append(new DocumentFormat.OpenXml.Spreadsheet.Drawing { Id = DrawingId });
        var first = 2;
        var last = Math.Max(layout.EmployeeRows + 1, 2);
        var sheet = CellText.Sheet(SummarySheet.Name);

        var names = new C.StringCache(new C.PointCount { Val = (uint)points.Count });
        var values = new C.NumberingCache(new C.FormatCode("General"), new C.PointCount { Val = (uint)points.Count });
        for (var i = 0; i < points.Count; i++)
        {
            names.Append(new C.StringPoint(new C.NumericValue(CellText.Clean(points[i].Name))) { Index = (uint)i });
            values.Append(new C.NumericPoint(new C.NumericValue(CellText.Number(points[i].Points))) { Index = (uint)i });
        }

        var series = new C.BarChartSeries(
            new C.Index { Val = 0 },
            new C.Order { Val = 0 },
            new C.SeriesText(new C.NumericValue("Баллы за месяц")),
            // An explicit fill and outline: without them LibreOffice draws the bars with no fill, i.e. invisible.
            new C.ChartShapeProperties(
                new A.SolidFill(new A.RgbColorModelHex { Val = BarColor }),
                new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = BarColor }))),
            new C.InvertIfNegative { Val = false },
            new C.CategoryAxisData(new C.StringReference(new C.Formula($"{sheet}${layout.NameColumn}${first}:${layout.NameColumn}${last}"), names)),
            new C.Values(new C.NumberReference(new C.Formula($"{sheet}${layout.PointsColumn}${first}:${layout.PointsColumn}${last}"), values)));

        var chartSpace = new C.ChartSpace(
            new C.EditingLanguage { Val = "ru-RU" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                new C.Title(new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(),
                    new A.Paragraph(new A.Run(new A.Text("Баллы по сотрудникам"))))), new C.Overlay { Val = false }),
                new C.AutoTitleDeleted { Val = false },
                new C.PlotArea(
                    new C.Layout(),
                    new C.BarChart(
                        new C.BarDirection { Val = C.BarDirectionValues.Column },
                        new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
                        new C.VaryColors { Val = false },
                        series,
                        new C.AxisId { Val = 48650112u },
                        new C.AxisId { Val = 48672768u }),
                    new C.CategoryAxis(
                        new C.AxisId { Val = 48650112u },
                        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                        new C.Delete { Val = false },
                        new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                        new C.CrossingAxis { Val = 48672768u },
                        new C.Crosses { Val = C.CrossesValues.AutoZero },
                        new C.AutoLabeled { Val = true },
                        new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
                        new C.LabelOffset { Val = 100 }),
                    new C.ValueAxis(
                        new C.AxisId { Val = 48672768u },
                        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                        new C.Delete { Val = false },
                        new C.AxisPosition { Val = C.AxisPositionValues.Left },
                        new C.MajorGridlines(),
                        new C.NumberingFormat { FormatCode = "General", SourceLinked = true },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                        new C.CrossingAxis { Val = 48650112u },
                        new C.Crosses { Val = C.CrossesValues.AutoZero },
                        new C.CrossBetween { Val = C.CrossBetweenValues.Between })),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }));

        var top = (int)layout.ChartTopRow - 1;
        var drawing = summary.AddNewPart<DrawingsPart>(DrawingId);
        drawing.WorksheetDrawing = new Xdr.WorksheetDrawing(
            new Xdr.TwoCellAnchor(
                new Xdr.FromMarker(new Xdr.ColumnId("0"), new Xdr.ColumnOffset("0"), new Xdr.RowId(top.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Xdr.RowOffset("0")),
                new Xdr.ToMarker(new Xdr.ColumnId("9"), new Xdr.ColumnOffset("0"), new Xdr.RowId((top + 20).ToString(System.Globalization.CultureInfo.InvariantCulture)), new Xdr.RowOffset("0")),
                new Xdr.GraphicFrame(
                    new Xdr.NonVisualGraphicFrameProperties(
                        new Xdr.NonVisualDrawingProperties { Id = 2u, Name = "Баллы по сотрудникам" },
                        new Xdr.NonVisualGraphicFrameDrawingProperties()),
                    new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                    new A.Graphic(new A.GraphicData(new C.ChartReference { Id = ChartId })
                    { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" })),
                new Xdr.ClientData()));

        var chartPart = drawing.AddNewPart<ChartPart>(ChartId);
        chartPart.ChartSpace = chartSpace;
    }
}
