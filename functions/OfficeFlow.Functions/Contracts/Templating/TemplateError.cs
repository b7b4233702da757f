namespace OfficeFlow.Functions.Contracts.Templating;

/// <summary>What is wrong with a template or with the data given to it.</summary>
public enum TemplateErrorKind
{
    /// <summary>The file is too large, not a .docx, corrupt, or has too many zip entries.</summary>
    InvalidFile,
    /// <summary>A "{" without its "}" in the same paragraph.</summary>
    UnclosedTag,
    /// <summary>A "}" without a "{" before it.</summary>
    UnopenedTag,
    /// <summary>A tag with nothing usable inside, e.g. "{}" or "{#}".</summary>
    InvalidTag,
    /// <summary>A "{#x}" or "{^x}" that is never closed.</summary>
    UnclosedSection,
    /// <summary>A "{/x}" with no section open.</summary>
    UnopenedSection,
    /// <summary>A "{/y}" closing a section opened as "{#x}".</summary>
    MismatchedSection,
    /// <summary>A section whose tags cannot be repeated as a unit (e.g. one in a table, the other outside it).</summary>
    SectionPlacement,
    /// <summary>A formatter name that does not exist, or a missing or bad argument.</summary>
    UnknownFormatter,
    /// <summary>A field the data does not have (strict mode only).</summary>
    UnknownField,
    /// <summary>A value a formatter cannot format, e.g. text given to "money".</summary>
    BadValue,
}

/// <summary>One problem, with the tag as written, the part it is in (e.g. <c>word/footer1.xml</c>) and the surrounding text.</summary>
public sealed record TemplateError(TemplateErrorKind Kind, string Tag, string Part, string Context, string Message)
{
    public override string ToString() =>
        Tag.Length == 0 ? $"{Part}: {Message}" : $"{Part}: {Message} Tag {Tag} in \"{Context}\".";
}

/// <summary>Thrown when a template cannot be compiled or rendered; carries every error found, not just the first.</summary>
public sealed class TemplateException : Exception
{
    public TemplateException(IReadOnlyList<TemplateError> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<TemplateError> Errors { get; }

    internal static TemplateException InvalidFile(string message) =>
        new([new TemplateError(TemplateErrorKind.InvalidFile, "", "(file)", "", message)]);

    private static string BuildMessage(IReadOnlyList<TemplateError> errors) =>
        $"The template has {errors.Count} error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
