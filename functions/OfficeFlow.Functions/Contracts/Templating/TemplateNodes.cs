using System.Text.Json;
using OfficeFlow.Functions.Contracts.Formatting;

namespace OfficeFlow.Functions.Contracts.Templating;

/// <summary>A piece of a compiled part: fixed XML, a value, or a section over its children.</summary>
internal abstract class TemplateNode
{
    public abstract void Render(RenderContext context);
}

/// <summary>XML copied to the output as it is.</summary>
internal sealed class LiteralNode(string xml) : TemplateNode
{
    public string Xml { get; private set; } = xml;

    public void Append(string more) => Xml += more;

    public override void Render(RenderContext context) => context.Output.Write(Xml);
}

/// <summary>A value tag: looks the field up, applies the formatters, writes escaped text.</summary>
internal sealed class ValueNode(TagInfo tag) : TemplateNode
{
    public TagInfo Tag { get; } = tag;

    public override void Render(RenderContext context)
    {
        var expression = Tag.Expression;
        object? value;
        if (context.TryResolve(expression.Segments, out var element))
        {
            value = element;
        }
        else
        {
            context.Missing(Tag);
            return;
        }

        try
        {
            foreach (var formatter in expression.Formatters)
            {
                if (value is JsonElement { ValueKind: JsonValueKind.Null })
                {
                    return;
                }

                value = formatter.Definition.Apply(value, formatter.Argument);
            }

            WordText.Write(context.Output, TemplateFormatters.ToText(value));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            context.Fail(Tag, TemplateErrorKind.BadValue, $"The value of {Tag.Raw} cannot be printed: {FirstSentence(ex.Message)}");
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }
}

/// <summary>
/// <c>{#name}…{/name}</c> or <c>{^name}…{/name}</c>: repeats its children for each array item, once with
/// an object as the new scope, once for any other truthy value; an inverted section renders when falsy.
/// Falsy, as in docxtemplater: missing, null, false, 0, "", and an empty array.
/// </summary>
internal sealed class SectionNode(TagInfo open, List<TemplateNode> children) : TemplateNode
{
    public TagInfo Open { get; } = open;

    public List<TemplateNode> Children { get; } = children;

    public override void Render(RenderContext context)
    {
        // A missing section field is simply falsy, even in strict mode: optional blocks ("{#vat_note}…")
        // would otherwise force every caller to send every flag.
        var found = context.TryResolve(Open.Expression.Segments, out var value);
        var truthy = found && IsTruthy(value);
        if (Open.Expression.Kind == TagKind.Inverted)
        {
            if (!truthy)
            {
                RenderChildren(context);
            }

            return;
        }

        if (!truthy)
        {
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    context.Push(item);
                    RenderChildren(context);
                    context.Pop();
                }

                break;
            case JsonValueKind.Object:
                context.Push(value);
                RenderChildren(context);
                context.Pop();
                break;
            default:
                RenderChildren(context);
                break;
        }
    }

    private void RenderChildren(RenderContext context)
    {
        foreach (var child in Children)
        {
            child.Render(context);
        }
    }

    private static bool IsTruthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.False => false,
        JsonValueKind.Array => value.GetArrayLength() > 0,
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Number => value.GetDecimal() != 0,
        _ => true,
    };
}
