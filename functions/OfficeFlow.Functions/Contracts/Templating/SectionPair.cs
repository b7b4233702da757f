namespace OfficeFlow.Functions.Contracts.Templating;

/// <summary>How a section's repeated content is delimited.</summary>
internal enum SectionMode
{
    /// <summary>Everything between the two tags, as in docxtemplater; the tags may be in different paragraphs at the same level.</summary>
    Inline,
    /// <summary>Both tags stand alone in sibling paragraphs: the paragraphs between them repeat, the tag paragraphs vanish.</summary>
    Paragraphs,
    /// <summary>The tags sit in different cells of one row (or in rows of one table): whole rows repeat.</summary>
    TableRows,
}

/// <summary>An opening and closing tag that belong together, and how their content repeats.</summary>
internal sealed class SectionPair(int id, TagInfo open, TagInfo close)
{
    public int Id { get; } = id;
    public TagInfo Open { get; } = open;
    public TagInfo Close { get; } = close;
    public SectionMode Mode { get; set; }
}
