using OfficeFlow.Functions.Contracts.Formatting;

namespace OfficeFlow.Functions.Contracts.Templating;

internal enum TagKind
{
    Value,
    Section,
    Inverted,
    Close,
}

/// <summary>A formatter applied in a tag, with its argument when it takes one (<c>vat:22</c>).</summary>
internal sealed record FormatterCall(FormatterDefinition Definition, decimal? Argument);

/// <summary>
/// The inside of one tag: <c>{name}</c>, <c>{client.name}</c>, <c>{.}</c>, <c>{#items}</c>, <c>{^items}</c>,
/// <c>{/items}</c>, <c>{/}</c>, or a value with formatters <c>{total|vat:22|money}</c>.
/// </summary>
internal sealed record TagExpression(TagKind Kind, string Path, string[] Segments, FormatterCall[] Formatters)
{
    /// <summary>Parses the text between the braces; returns null and an error message when it is unusable.</summary>
    public static TagExpression? Parse(string inner, out TemplateErrorKind errorKind, out string? error)
    {
        errorKind = TemplateErrorKind.InvalidTag;
        error = null;
        var text = inner.Trim();
        var kind = TagKind.Value;
        if (text.Length > 0 && text[0] is '#' or '^' or '/')
        {
            kind = text[0] switch { '#' => TagKind.Section, '^' => TagKind.Inverted, _ => TagKind.Close };
            text = text[1..].Trim();
        }

        var pipe = text.Split('|');
        var path = pipe[0].Trim();
        if (path.Length == 0 && kind != TagKind.Close)
        {
            error = "The tag names no field.";
            return null;
        }

        if (pipe.Length > 1 && kind != TagKind.Value)
        {
            error = "Formatters may only be used in value tags, not in section tags.";
            return null;
        }

        var formatters = new FormatterCall[pipe.Length - 1];
        for (var i = 1; i < pipe.Length; i++)
        {
            var call = ParseFormatter(pipe[i].Trim(), out error);
            if (call is null)
            {
                errorKind = TemplateErrorKind.UnknownFormatter;
                return null;
            }

            formatters[i - 1] = call;
        }

        string[] segments = path is "." or "" ? [] : path.Split('.');
        if (segments.Any(s => s.Length == 0))
        {
            error = $"'{path}' is not a field path (use names separated by dots, e.g. client.name).";
            return null;
        }

        return new TagExpression(kind, path, segments, formatters);
    }

    private static FormatterCall? ParseFormatter(string text, out string? error)
    {
        error = null;
        var colon = text.IndexOf(':');
        var name = (colon < 0 ? text : text[..colon]).Trim();
        if (!TemplateFormatters.All.TryGetValue(name, out var definition))
        {
            error = $"Unknown formatter '{name}'. Known: {string.Join(", ", TemplateFormatters.All.Keys)}.";
            return null;
        }

        if (colon < 0)
        {
            if (definition.RequiresArgument)
            {
                error = $"The formatter '{name}' needs a rate, e.g. {name}:22.";
                return null;
            }

            return new FormatterCall(definition, null);
        }

        if (!definition.RequiresArgument)
        {
            error = $"The formatter '{name}' takes no argument.";
            return null;
        }

        var argText = text[(colon + 1)..].Trim();
        try
        {
            return new FormatterCall(definition, TemplateFormatters.ToDecimal(argText));
        }
        catch (FormatException)
        {
            error = $"The argument '{argText}' of formatter '{name}' is not a number.";
            return null;
        }
    }
}
