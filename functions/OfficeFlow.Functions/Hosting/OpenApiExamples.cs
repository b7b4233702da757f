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

/// <summary>Writes <see cref="OpenApiExampleAttribute"/> and <see cref="OpenApiRequiresAnyOfAttribute"/> into the document's schemas.</summary>
public sealed class OpenApiExamples : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        // Set from the object that owns the property, on a copy of the property's schema: the schema of a component-typed
        // property (JsonObject) is shared, and two such properties would show one another's example. The owner may itself
        // be reached as a property (MailParty as "from"), so JsonPropertyInfo is not a sign of a leaf.
        if (schema.Properties is not { Count: > 0 } properties)
        {
            return Task.CompletedTask;
        }

        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (ExampleOf(property) is { } example && properties.TryGetValue(property.Name, out var shared) && shared.CreateShallowCopy() is OpenApiSchema own)
            {
                // OpenAPI 3.1 takes JSON Schema's examples array; the single example keyword is deprecated there.
                own.Examples = [example.Value!];
                properties[property.Name] = own;
            }
        }

        // Once per schema: the owner's transform may run more than once (as a body and as a property).
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

    // On a positional record the attribute must be written [property: OpenApiExample(…)] to reach the property.
    private static OpenApiExampleAttribute? ExampleOf(System.Text.Json.Serialization.Metadata.JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(OpenApiExampleAttribute), inherit: true).OfType<OpenApiExampleAttribute>().FirstOrDefault();
}
