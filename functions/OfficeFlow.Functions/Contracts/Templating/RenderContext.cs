using System.Text.Json;

namespace OfficeFlow.Functions.Contracts.Templating;

/// <summary>The state of one render: where output goes, the scope stack for lookups, and the errors found.</summary>
internal sealed class RenderContext(TextWriter output, JsonElement data, bool strict)
{
    private readonly List<JsonElement> _scopes = [data];
    private readonly HashSet<(int TagId, string Part)> _reported = [];

    public TextWriter Output { get; set; } = output;

    public List<TemplateError> Errors { get; } = [];

    public void Push(JsonElement scope) => _scopes.Add(scope);

    public void Pop() => _scopes.RemoveAt(_scopes.Count - 1);

    /// <summary>
    /// Resolves a dotted path like docxtemplater: the first name is looked up from the innermost scope
    /// outwards; the rest is followed from there. An empty path (<c>{.}</c>) is the current scope.
    /// </summary>
    public bool TryResolve(string[] segments, out JsonElement value)
    {
        if (segments.Length == 0)
        {
            value = _scopes[^1];
            return true;
        }

        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            var scope = _scopes[i];
            if (scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty(segments[0], out value))
            {
                for (var s = 1; s < segments.Length; s++)
                {
                    if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(segments[s], out value))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        value = default;
        return false;
    }

    public void Missing(TagInfo tag)
    {
        if (strict)
        {
            Fail(tag, TemplateErrorKind.UnknownField, $"The data has no field '{tag.Expression.Path}'.");
        }
    }

    public void Fail(TagInfo tag, TemplateErrorKind kind, string message)
    {
        if (_reported.Add((tag.Id, tag.Part)))
        {
            Errors.Add(tag.Error(kind, message));
        }
    }
}
