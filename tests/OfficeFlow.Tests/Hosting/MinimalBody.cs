using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Hosting;

/// <summary>
/// The smallest body openapi.json allows for a request schema: only its <c>required</c> properties (recursively,
/// components resolved), each valued from the schema — its first of <c>examples</c> (or <c>example</c>), else its first <c>enum</c> value, else a
/// value of its type and format. Where an object lists <c>anyOf</c> groups of required properties (one of bodyText or
/// bodyHtml), the first group is taken. Ids of real resources, which no document can know, come from
/// <paramref name="ids"/> by property name.
/// </summary>
public sealed class MinimalBody(JsonElement document, IReadOnlyDictionary<string, string> ids, DateOnly today)
{
    public JsonNode? For(JsonElement schema) => Value(schema, null, 0);

    private JsonNode? Value(JsonElement schema, string? name, int depth)
    {
        if (depth > 10)
        {
            throw new InvalidOperationException($"The schema nests required properties more than 10 deep at {name}.");
        }

        if (name is not null && ids.TryGetValue(name, out var id))
        {
            return id;
        }

        // An example on the property wins over one on the component it refers to.
        var resolved = Resolve(schema);
        if ((OpenApiSchemas.Example(schema) ?? OpenApiSchemas.Example(resolved)) is { } example)
        {
            return example;
        }

        schema = resolved;

        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            return JsonNode.Parse(values[0].GetRawText());
        }

        // A nullable reference is oneOf [null, $ref]: the body needs the object, not the null. (An object's own anyOf
        // lists groups of its required properties, read in Object.)
        foreach (var choice in new[] { "oneOf", "anyOf" })
        {
            if (!schema.TryGetProperty("properties", out _) && schema.TryGetProperty(choice, out var options) && options.GetArrayLength() > 0)
            {
                return Value(options.EnumerateArray().First(o => OpenApiSchemas.TypeOf(Resolve(o)) != "null"), name, depth + 1);
            }
        }

        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return OpenApiSchemas.TypeOf(schema) switch
        {
            "object" => Object(schema, depth),
            "array" => new JsonArray(Enumerable.Range(0, Math.Max(1, Int(schema, "minItems") ?? 0))
                .Select(_ => Value(schema.GetProperty("items"), null, depth + 1)).ToArray()),
            "integer" => Int(schema, "minimum") is { } minimum && minimum > 0 ? minimum : 1,
            "number" => schema.TryGetProperty("minimum", out var m) && m.GetDecimal() > 0 ? m.GetDecimal() : 1m,
            "boolean" => false,
            "string" => format switch
            {
                "date" => today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "date-time" => today.ToDateTime(new TimeOnly(9, 0)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                "email" => "ivan@romashka.ru",
                "uuid" => Guid.NewGuid().ToString(),
                _ => "Тест",
            },
            var other => throw new InvalidOperationException($"No value for {name ?? "the body"} of type {other ?? "(none)"}: give the property an example in the schema."),
        };
    }

    private JsonObject Object(JsonElement schema, int depth)
    {
        var required = Names(schema, "required").ToList();
        if (schema.TryGetProperty("anyOf", out var groups) && groups.GetArrayLength() > 0)
        {
            required.AddRange(Names(groups[0], "required"));
        }

        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        var body = new JsonObject();
        foreach (var property in required.Distinct(StringComparer.Ordinal))
        {
            if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(property, out var propertySchema))
            {
                throw new InvalidOperationException($"«{property}» is required but has no schema among the properties.");
            }

            body[property] = Value(propertySchema, property, depth + 1);
        }

        return body;
    }

    private static IEnumerable<string> Names(JsonElement schema, string key) =>
        schema.TryGetProperty(key, out var list) ? list.EnumerateArray().Select(e => e.GetString()!) : [];

    private static int? Int(JsonElement schema, string key) =>
        schema.TryGetProperty(key, out var value) && value.TryGetInt32(out var number) ? number : null;

    private JsonElement Resolve(JsonElement schema) => OpenApiSchemas.Resolve(document, schema);
}
