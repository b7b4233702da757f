using System.Text.Json;
using System.Text.Json.Nodes;

namespace OfficeFlow.Tests.Infrastructure;

/// <summary>Reading the schemas of the app's openapi.json, for the tests that build request bodies from it
/// (<c>Hosting/MinimalBody</c>, <c>Fuzzing/HostileBodies</c>).</summary>
public static class OpenApiSchemas
{
    /// <summary>The schema a <c>$ref</c> names (following chains), or the schema itself.</summary>
    public static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        return schema;
    }

    /// <summary>The schema's first example: OpenAPI 3.1 writes JSON Schema's <c>examples</c> array; 3.0's single <c>example</c> is read too.</summary>
    public static JsonNode? Example(JsonElement schema) =>
        schema.ValueKind != JsonValueKind.Object ? null
        : schema.TryGetProperty("examples", out var examples) && examples.ValueKind == JsonValueKind.Array && examples.GetArrayLength() > 0 ? JsonNode.Parse(examples[0].GetRawText())
        : schema.TryGetProperty("example", out var example) ? JsonNode.Parse(example.GetRawText())
        : null;

    /// <summary>The schema's type, the non-null one of a nullable type ("null" when null is all it allows); "object" for
    /// a schema with properties and no type; null when it says nothing.</summary>
    public static string? TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out _) ? "object" : null;
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") ?? "null"
            : type.GetString();
    }
}
