using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace OfficeFlow.Cli.Contracts.TemplateBuilding;

/// <summary>
/// Writes the firm's templates in one consistent Russian business layout: A4, Times New Roman 11 pt,
/// justified clauses, bordered tables in 10 pt with explicit column widths, headings kept with what follows them,
/// a footer "Договор № … — страница X из Y" for documents that have a number.
/// Text passed in may mark
/// bold spans with <c>**…**</c>. Output is byte-stable (fixed zip timestamps) so regenerating changes nothing.
/// </summary>
internal sealed partial class DocxBuilder
{
    private const string Font = "Times New Roman";

    /// <summary>Table text in half-points: 10 pt, so that the widest header words fit their columns whole.</summary>
    private const int TableTextSize = 20;

    /// <summary>Left and right cell padding in twips (1 mm): Word's default 1.9 mm costs a header word its column.</summary>
    private const int CellPadding = 57;
    private static readonly DateTimeOffset FixedTimestamp = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<OpenXmlElement> _body = [];
    private int _section;

    /// <summary>Text of the footer line before the page numbers, may contain tags; null (the default) writes no footer,
    /// for documents without a number of their own such as the акт сверки.</summary>
    public string? FooterText { get; init; }

    /// <summary>A landscape A4 page, for tables with many columns such as the two-sided акт сверки.</summary>
    public bool Landscape { get; init; }

    /// <summary>The width between the margins in twips: A4 less 2.5 cm on the left and 1.5 cm on the right.</summary>
    public int TextWidth => (Landscape ? 16838 : 11906) - 1418 - 850;

    public DocxBuilder Title(string text, int halfPoints = 28) =>
        Add(Para(text, JustificationValues.Center, bold: true, size: halfPoints, after: 60, keepNext: true));

    public DocxBuilder Centered(string text, bool bold = false) => Add(Para(text, JustificationValues.Center, bold, after: 120));

    /// <summary>"г. Москва" on the left and the date on the right of the same line.</summary>
    public DocxBuilder CityAndDate(string city, string date)
    {
        var paragraph = Para("", JustificationValues.Left, after: 240);
        paragraph.ParagraphProperties!.PrependChild(new Tabs(new TabStop { Val = TabStopValues.Right, Position = 9638 }));
        paragraph.Append(TextRun(city, false), new Run(new TabChar()), TextRun(date, false));
        return Add(paragraph);
    }

    public DocxBuilder Text(string text) => Add(Para(text, JustificationValues.Both, firstLine: true));

    public DocxBuilder Plain(string text, bool bold = false) => Add(Para(text, JustificationValues.Left, bold));

    /// <summary>A numbered section heading, e.g. "1. ПРЕДМЕТ ДОГОВОРА"; clauses after it are numbered 1.1, 1.2…</summary>
    public DocxBuilder Heading(string text)
    {
        _section++;
        _clause = 0;
        // Kept with the next paragraph, so a heading never ends a page alone.
        return Add(Para($"{_section}. {text}", JustificationValues.Center, bold: true, before: 200, after: 100, keepNext: true));
    }

    private int _clause;

    public DocxBuilder Clause(string text)
    {
        _clause++;
        // A clause that ends with a colon introduces the table after it and stays on its page.
        return Add(Para($"{_section}.{_clause}. {text}", JustificationValues.Both, firstLine: true, keepNext: text.EndsWith(':')));
    }

    public DocxBuilder Raw(OpenXmlElement element) => Add(element);

    /// <summary>A bordered table: a bold header row, then rows given as cell texts (tags allowed).</summary>
    /// <remarks>The widths (twips) must fill the text width exactly: the layout is fixed, so Word and LibreOffice
    /// draw the columns as given instead of squeezing a column until its header breaks inside a word.</remarks>
    public DocxBuilder Table(int[] widths, string[] header, params string[][] rows) =>
        GroupedTable(widths, [], header, null, rows);

    /// <summary>A bordered table with a row of group headers above the column headers, each group spanning
    /// some columns (e.g. "По данным Поставщика" over four); both header rows repeat on every page.
    /// <paramref name="alignments"/> (one per column) overrides the default alignment of the body cells.</summary>
    public DocxBuilder GroupedTable(int[] widths, (string Text, int Span)[] groups, string[] header, JustificationValues[]? alignments, params string[][] rows)
    {
        if (widths.Sum() != TextWidth)
        {
            throw new ArgumentException($"The columns ({widths.Sum()} twips) must fill the text width ({TextWidth}).", nameof(widths));
        }

        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = widths.Sum().ToString() },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TableCellLeftMargin { Type = TableWidthValues.Dxa, Width = CellPadding },
                new TableCellRightMargin { Type = TableWidthValues.Dxa, Width = CellPadding })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        if (groups.Length > 0)
        {
            table.Append(GroupRow(widths, groups));
        }

        table.Append(Row(widths, header, bold: true, header: true, alignments: null));
        foreach (var row in rows)
        {
            table.Append(Row(widths, row, bold: false, header: false, alignments));
        }

        Add(table);
        return Add(Para("", JustificationValues.Left, after: 0));
    }

    /// <summary>A borderless two-column block: each column a list of lines (used for requisites and signatures).</summary>
    public DocxBuilder TwoColumns(string[] left, string[] right)
    {
        var half = TextWidth / 2;
        // One row that cannot split: requisites and signatures are never cut across a page break.
        var table = new Table(
            new TableProperties(new TableWidth { Type = TableWidthUnitValues.Dxa, Width = TextWidth.ToString() }, new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = half.ToString() }, new GridColumn { Width = (TextWidth - half).ToString() }),
            new TableRow(new TableRowProperties(new CantSplit()), Cell(half, left), Cell(TextWidth - half, right)));
        Add(table);
        return Add(Para("", JustificationValues.Left, after: 0));
    }

    public byte[] Build()
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var sectionProperties = new SectionProperties(
                Landscape
                    ? new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape }
                    : new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1418, Right = 850, Header = 567, Footer = 567, Gutter = 0 });
            if (FooterText is { } footerText)
            {
                var footer = main.AddNewPart<FooterPart>();
                footer.Footer = new Footer(FooterParagraph(footerText));
                sectionProperties.PrependChild(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) });
            }

            main.Document = new Document(new Body(_body.Append(sectionProperties)));
            main.Document.Save();
        }

        return WithFixedTimestamps(stream.ToArray());
    }

    private DocxBuilder Add(OpenXmlElement element)
    {
        _body.Add(element);
        return this;
    }

    private static Paragraph FooterParagraph(string text)
    {
        var paragraph = Para(text + " — страница ", JustificationValues.Center, size: 18, after: 0);
        paragraph.Append(Field("PAGE"), TextRun(" из ", false, 18), Field("NUMPAGES"));
        return paragraph;
    }

    private static SimpleField Field(string instruction) =>
        new(new Run(new RunProperties(new FontSize { Val = "18" }), new Text("1"))) { Instruction = $" {instruction} " };

    private static TableRow Row(int[] widths, string[] cells, bool bold, bool header, JustificationValues[]? alignments)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
        }

        for (var i = 0; i < cells.Length; i++)
        {
            var justification = i == 1 || cells.Length <= 2 ? JustificationValues.Left : JustificationValues.Center;
            if (!header && i >= cells.Length - 2 && cells.Length > 3)
            {
                justification = JustificationValues.Right;
            }

            if (!header && alignments is not null)
            {
                justification = alignments[i];
            }

            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = widths[i].ToString() }),
                Para(cells[i], header ? JustificationValues.Center : justification, bold, size: TableTextSize, after: 0)));
        }

        return row;
    }

    private static TableRow GroupRow(int[] widths, (string Text, int Span)[] groups)
    {
        var row = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        var column = 0;
        foreach (var (text, span) in groups)
        {
            var width = widths.Skip(column).Take(span).Sum();
            row.Append(new TableCell(
                new TableCellProperties(
                    new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString() },
                    new GridSpan { Val = span }),
                Para(text, JustificationValues.Center, bold: true, size: TableTextSize, after: 0)));
            column += span;
        }

        return row;
    }

    private static TableCell Cell(int width, string[] lines)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString() }));
        foreach (var line in lines)
        {
            cell.Append(Para(line, JustificationValues.Left, after: 0));
        }

        return cell;
    }

    private static Paragraph Para(string text, JustificationValues justification, bool bold = false, int size = 22, int before = 0, int after = 60, bool firstLine = false, bool keepNext = false)
    {
        var properties = new ParagraphProperties();
        if (keepNext)
        {
            properties.Append(new KeepNext());
        }

        properties.Append(
            new SpacingBetweenLines { Before = before.ToString(), After = after.ToString() },
            new Indentation { FirstLine = firstLine ? "567" : "0" },
            new Justification { Val = justification });
        var paragraph = new Paragraph(properties);
        var parts = text.Split("**");
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length > 0)
            {
                paragraph.Append(TextRun(parts[i], bold || i % 2 == 1, size));
            }
        }

        return paragraph;
    }

    private static Run TextRun(string text, bool bold, int size = 22)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (size != 22)
        {
            properties.Append(new FontSize { Val = size.ToString() });
        }

        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" },
                new Languages { Val = "ru-RU", EastAsia = "ru-RU", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "60", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });

    // System.IO.Packaging stamps entries with the current time and the SDK names relationships with random
    // ids ("R5e7b8731c9f54f92"); fixed stamps and ids numbered in order of appearance make regeneration byte-stable.
    private static byte[] WithFixedTimestamps(byte[] docx)
    {
        var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var texts = source.Entries.Select(e =>
            {
                using var reader = new StreamReader(e.Open());
                return (e.FullName, Text: reader.ReadToEnd());
            }).ToList();
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (_, text) in texts.OrderBy(t => t.FullName.EndsWith(".rels", StringComparison.Ordinal) ? 0 : 1))
            {
                foreach (System.Text.RegularExpressions.Match match in RandomRelationshipId().Matches(text))
                {
                    ids.TryAdd(match.Value, "rId" + (ids.Count + 1));
                }
            }

            foreach (var (name, text) in texts)
            {
                var copy = target.CreateEntry(name, CompressionLevel.Optimal);
                copy.LastWriteTime = FixedTimestamp;
                using var writer = new StreamWriter(copy.Open(), new System.Text.UTF8Encoding(false));
                writer.Write(RandomRelationshipId().Replace(text, m => ids[m.Value]));
            }
        }

        return output.ToArray();
    }

    [System.Text.RegularExpressions.GeneratedRegex("\\bR[0-9a-f]{16}\\b")]
    private static partial System.Text.RegularExpressions.Regex RandomRelationshipId();
}
