using System.IO.Compression;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace OfficeFlow.Functions.Invoices.Documents;

/// <summary>
/// The reconciliation statement (акт сверки) template, generated in code so it is reproducible and reviewed like
/// code: the same bytes every time (fixed zip timestamps), docxtemplater-style tags rendered by the contracts
/// template engine. Fields: supplier.*, client.*, period_text, rows (a table-row loop of date, document, debit,
/// credit), opening_*, turnover_*, closing_*, conclusion.
/// </summary>
public static partial class ReconciliationTemplate
{
    private const string Font = "Times New Roman";
    private static readonly DateTimeOffset FixedTimestamp = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<byte[]> Cached = new(Generate);

    /// <summary>The template's .docx bytes (built once per process).</summary>
    public static byte[] Docx => Cached.Value;

    internal static byte[] Generate()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(Content().Append(Section())));
            main.Document.Save();
        }

        return Normalise(stream.ToArray());
    }

    private static List<OpenXmlElement> Content() =>
    [
        Para("Акт сверки взаимных расчётов", JustificationValues.Center, bold: true, size: 28),
        Para("{period_text}", JustificationValues.Center),
        Para("между {supplier.name} и {client.name}", JustificationValues.Center, after: 240),
        Para("Мы, нижеподписавшиеся, {supplier.signatory_position} {supplier.name} {supplier.signatory_short}, с одной стороны, " +
             "и представитель {client.name}, с другой стороны, составили настоящий акт сверки в том, что состояние взаимных " +
             "расчётов по данным учёта {supplier.name} следующее:", JustificationValues.Both, after: 200),
        Table(),
        Para("", JustificationValues.Left),
        Para("{conclusion}", JustificationValues.Both, bold: true, after: 360),
        Signatures(),
    ];

    private static Table Table()
    {
        int[] widths = [1500, 4600, 1700, 1700];
        var table = new Table(new TableProperties(
            new TableWidth { Width = "9500", Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(widths, true, "Дата", "Документ", "Дебет", "Кредит"));
        table.Append(Row(widths, true, "", "Сальдо начальное", "{opening_debit}", "{opening_credit}"));
        table.Append(Row(widths, false, "{#rows}{date}", "{document}", "{debit}", "{credit}{/rows}"));
        table.Append(Row(widths, true, "", "Обороты за период", "{turnover_debit}", "{turnover_credit}"));
        table.Append(Row(widths, true, "", "Сальдо конечное", "{closing_debit}", "{closing_credit}"));
        return table;
    }

    private static TableRow Row(int[] widths, bool bold, params string[] cells) =>
        new(cells.Select((text, i) => new TableCell(
            new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
            Para(text, i >= 2 ? JustificationValues.Right : JustificationValues.Left, bold, size: 20, after: 0))));

    private static Table Signatures()
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "9500", Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(new GridColumn { Width = "4750" }, new GridColumn { Width = "4750" }));
        table.Append(new TableRow(
            Cell("От {supplier.name}", "{supplier.signatory_position}", "", "_______________ / {supplier.signatory_short} /", "М.П."),
            Cell("От {client.name}", "{client.signatory_position}", "", "_______________ / {client.signatory_short} /", "М.П.")));
        return table;
    }

    private static TableCell Cell(params string[] lines) =>
        new(new[] { new TableCellProperties(new TableCellWidth { Width = "4750", Type = TableWidthUnitValues.Dxa }) }
            .Cast<OpenXmlElement>()
            .Concat(lines.Select((l, i) => Para(l, JustificationValues.Left, bold: i == 0, after: 60))));

    private static Paragraph Para(string text, JustificationValues justification, bool bold = false, int size = 24, int after = 120)
    {
        var runProperties = new RunProperties(
            new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
            new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            runProperties.PrependChild(new Bold());
        }

        var paragraph = new Paragraph(new ParagraphProperties(
            new SpacingBetweenLines { After = after.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new Justification { Val = justification }));
        if (text.Length > 0)
        {
            paragraph.Append(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        }

        return paragraph;
    }

    private static SectionProperties Section() => new(
        new PageSize { Width = 11906, Height = 16838 },
        new PageMargin { Top = 1134, Bottom = 1134, Left = 1418, Right = 850, Header = 709, Footer = 709, Gutter = 0 });

    /// <summary>Rewrites the zip with fixed timestamps, a fixed entry order and the SDK's random relationship ids
    /// ("R3f2a…") replaced by rId1, rId2…, so the bytes never change.</summary>
    private static byte[] Normalise(byte[] docx)
    {
        using var input = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        var texts = input.Entries
            .Select(e =>
            {
                using var reader = new StreamReader(e.Open());
                return (e.FullName, Text: reader.ReadToEnd());
            })
            .OrderBy(t => t.FullName == "[Content_Types].xml" ? "" : t.FullName, StringComparer.Ordinal)
            .ToList();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, text) in texts.OrderBy(t => t.FullName.EndsWith(".rels", StringComparison.Ordinal) ? 0 : 1).ThenBy(t => t.FullName, StringComparer.Ordinal))
        {
            foreach (Match match in RandomRelationshipId().Matches(text))
            {
                ids.TryAdd(match.Value, "rId" + (ids.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in texts)
            {
                var copy = zip.CreateEntry(name, CompressionLevel.Optimal);
                copy.LastWriteTime = FixedTimestamp;
                using var writer = new StreamWriter(copy.Open(), new System.Text.UTF8Encoding(false));
                writer.Write(RandomRelationshipId().Replace(text, m => ids[m.Value]));
            }
        }

        return output.ToArray();
    }

    [GeneratedRegex("\\bR[0-9a-f]{16}\\b")]
    private static partial Regex RandomRelationshipId();
}
