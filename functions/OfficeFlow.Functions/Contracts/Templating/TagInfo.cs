using DocumentFormat.OpenXml.Wordprocessing;

namespace OfficeFlow.Functions.Contracts.Templating;

/// <summary>One tag found while compiling: what it says, where it is, and the w:t that now holds its marker.</summary>
internal sealed class TagInfo
{
    public required int Id { get; init; }
    public required string Raw { get; init; }
    public required TagExpression Expression { get; init; }
    public required string Part { get; init; }
    public required string Context { get; init; }
    public required Text Text { get; init; }
    public required Paragraph Paragraph { get; init; }

    /// <summary>The whole paragraph text was just this tag (whitespace aside): it may repeat whole paragraphs.</summary>
    public bool AloneInParagraph { get; set; }

    /// <summary>Position of the marker in the serialized part, used to put tags in document order.</summary>
    public int Position { get; set; }

    public TemplateError Error(TemplateErrorKind kind, string message) => new(kind, Raw, Part, Context, message);
}
