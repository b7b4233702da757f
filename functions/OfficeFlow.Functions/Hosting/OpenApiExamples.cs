using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OfficeFlow.Functions.Hosting;

/// <summary>
/// A value openapi.json shows for a property (its <c>examples</c>), as JSON text. Put it where a value made up from the
/// type alone would be refused: an INN or an account with its control digits, a date in the one spelling the API reads,
/// a template id or a task code from a catalog. A test builds each route's minimal body from the document, so the
/// example must be a value the route accepts.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OpenApiExampleAttribute(string json) : Attribute
{
    public JsonNode? Value => JsonNode.Parse(json);
}

/// <summary>
/// Properties of which a request needs at least one (bodyText or bodyHtml), written to openapi.json as
/// <c>anyOf: [{required: [a]}, {required: [b]}]</c>: neither is required alone, and a body with none is refused.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class OpenApiRequiresAnyOfAttribute(params string[] properties) : Attribute
{
    public IReadOnlyList<string> Properties { get; } = properties;
}

/// <summary>
/// Writes <see cref="OpenApiExampleAttribute"/> into the finished document, on each property of each component schema
/// whose type carries one. It runs on the document, not per schema: a property of a component type (JsonObject) has no
/// schema of its own until the nullable wrapper (oneOf null or $ref) is made, and an example set earlier lands on the
/// shared component, where two such properties showed one another's example.
/// </summary>
public sealed class OpenApiExamples : IOpenApiDocumentTransformer
{
    private static readonly Lazy<ILookup<string, Type>> TypesByName = new(() =>
        typeof(OpenApiExamples).Assembly.GetTypes().Where(HasExamples).ToLookup(t => t.Name, StringComparer.Ordinal));

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var (name, component) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (component.Properties is not { } properties)
            {
                continue;
            }

            foreach (var property in TypesByName.Value[name].SelectMany(t => t.GetProperties()))
            {
                if (property.GetCustomAttribute<OpenApiExampleAttribute>() is { } example
                    && properties.TryGetValue(JsonName(property), out var schema) && schema is OpenApiSchema own)
                {
                    // OpenAPI 3.1 takes JSON Schema's examples array; the single example keyword is deprecated there.
                    own.Examples = [example.Value!];
                }
            }
        }

        return Task.CompletedTask;
    }

    private static bool HasExamples(Type type) => type.GetProperties().Any(p => p.IsDefined(typeof(OpenApiExampleAttribute)));

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name
        ?? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name);
}

/// <summary>Writes <see cref="OpenApiRequiresAnyOfAttribute"/> into the schema of the type that carries it.</summary>
public sealed class OpenApiRequiresAnyOf : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        // Once per schema: a type's transform may run more than once (as a body and as a property).
        if (schema.AnyOf is not { Count: > 0 })
        {
            foreach (var group in context.JsonTypeInfo.Type.GetCustomAttributes<OpenApiRequiresAnyOfAttribute>())
            {
                schema.AnyOf ??= [];
                foreach (var name in group.Properties)
                {
                    schema.AnyOf.Add(new OpenApiSchema { Required = new HashSet<string>(StringComparer.Ordinal) { name } });
                }
            }
        }

        return Task.CompletedTask;
    }
}
