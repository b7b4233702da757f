using System.Globalization;

namespace OfficeFlow.Functions.Contracts.Templating;

/// <summary>
/// Private-use characters that stand in for tags while a part is compiled. A tag's text is replaced
/// by <c>U+E000 id U+E001</c> inside its w:t; section boundaries that are whole elements (paragraphs,
/// table rows) are marked with XML comments <c>&lt;!--U+E002 id kind--&gt;</c> next to the element.
/// Templates containing these characters are rejected, so a marker is never confused with content.
/// </summary>
internal static class Markers
{
    public const char TagStart = '\uE000';
    public const char TagEnd = '\uE001';
    public const char CommentTag = '\uE002';
    public const string CommentOpen = "<!--\uE002";

    public static string ForTag(int id) => TagStart + id.ToString(CultureInfo.InvariantCulture) + TagEnd;

    public static string ForBoundary(int sectionId, BoundaryKind kind) =>
        CommentOpen + sectionId.ToString(CultureInfo.InvariantCulture) + (char)kind + "-->";

    public static bool ContainsReserved(string text) =>
        text.AsSpan().IndexOfAny(TagStart, TagEnd, CommentTag) >= 0;
}

/// <summary>Where a boundary comment sits relative to a section that repeats whole elements.</summary>
internal enum BoundaryKind
{
    /// <summary>Before the first repeated element (or the opening tag's own paragraph).</summary>
    Start = 'S',
    /// <summary>After the opening tag's own paragraph: the repeated content starts here.</summary>
    ContentStart = 'A',
    /// <summary>Before the closing tag's own paragraph: the repeated content ends here.</summary>
    ContentEnd = 'B',
    /// <summary>After the last repeated element (or the closing tag's own paragraph).</summary>
    End = 'E',
}
