namespace OfficeFlow.Functions.Contracts.Templating;

/// <summary>How a template uses a field.</summary>
public enum TemplateFieldKind
{
    /// <summary>Printed as text: <c>{name}</c>.</summary>
    Value,
    /// <summary>A list repeated, or a condition shown when truthy: <c>{#items}…{/items}</c>.</summary>
    Section,
    /// <summary>Shown when missing or falsy: <c>{^items}…{/items}</c>.</summary>
    InvertedSection,
}

/// <summary>A field a template needs, read from its own tags (the add-in builds its form from these).</summary>
/// <param name="Name">The path as written, e.g. <c>client.name</c>; <c>.</c> is the current list item.</param>
/// <param name="Formatters">Formatters applied to it anywhere, e.g. <c>money</c> (a hint that it is a number).</param>
/// <param name="Fields">For a section, the fields used inside it.</param>
public sealed record TemplateField(string Name, TemplateFieldKind Kind, IReadOnlyList<string> Formatters, IReadOnlyList<TemplateField> Fields);

/// <summary>Gathers the distinct fields of a compiled template, first use first.</summary>
internal static class TemplateFieldCollector
{
    public static IReadOnlyList<TemplateField> Collect(IEnumerable<TemplateNode> nodes)
    {
        var builders = new List<Builder>();
        Add(nodes, builders);
        return builders.Select(b => b.Build()).ToList();
    }

    private static void Add(IEnumerable<TemplateNode> nodes, List<Builder> into)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case ValueNode value:
                    var field = Find(into, value.Tag.Expression.Path, TemplateFieldKind.Value);
                    foreach (var f in value.Tag.Expression.Formatters)
                    {
                        if (!field.Formatters.Contains(f.Definition.Name))
                        {
                            field.Formatters.Add(f.Definition.Name);
                        }
                    }

                    break;
                case SectionNode section:
                    var kind = section.Open.Expression.Kind == TagKind.Inverted ? TemplateFieldKind.InvertedSection : TemplateFieldKind.Section;
                    Add(section.Children, Find(into, section.Open.Expression.Path, kind).Fields);
                    break;
            }
        }
    }

    private static Builder Find(List<Builder> into, string name, TemplateFieldKind kind)
    {
        var existing = into.FirstOrDefault(b => b.Name == name);
        if (existing is null)
        {
            existing = new Builder(name, kind);
            into.Add(existing);
        }
        else if (existing.Kind == TemplateFieldKind.Value && kind != TemplateFieldKind.Value)
        {
            existing.Kind = kind;
        }

        return existing;
    }

    private sealed class Builder(string name, TemplateFieldKind kind)
    {
        public string Name { get; } = name;
        public TemplateFieldKind Kind { get; set; } = kind;
        public List<string> Formatters { get; } = [];
        public List<Builder> Fields { get; } = [];

        public TemplateField Build() => new(Name, Kind, Formatters, Fields.Select(f => f.Build()).ToList());
    }
}
