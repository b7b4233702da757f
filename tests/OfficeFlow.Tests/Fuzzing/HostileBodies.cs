using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Fuzzing;

/// <summary>One fuzzed request body: its raw bytes (which may not be JSON at all) and what was done to it, for the report.</summary>
public sealed record HostileBody(string Kind, byte[] Bytes, string ContentType = "application/json");

/// <summary>
/// Makes hostile request bodies for one route from its openapi.json request schema: a plausible body built from the
/// schema, then broken one way at a time — a field given a hostile value (huge, control characters, lone surrogates,
/// formulas, path-like, <c>#</c>/<c>%</c>, negative, overflowing, NaN, the wrong type, null), or the whole body
/// replaced by invalid JSON, the wrong top-level type or deep nesting. Everything comes from one <see cref="Random"/>,
/// so a seed replays the same bodies.
/// </summary>
public sealed class HostileBodies(JsonElement document, Random random)
{
    private static readonly string[] HostileStrings =
    [
        "", " ", "\t\r\n", "\u0000", "a\u0001b\u001fc\u007f", "\u200b\u202e\ufeff", "=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1:A9)",
        "=cmd|'/C calc'!A0", "../../../etc/passwd", "..\\..\\windows\\win.ini", "/", "a/b", "a\\b", "#", "%", "%2F%2e%2e", "a#b%c?d", "ООО «Рога # и % копыта»",
        "<script>alert(1)</script>", "{client.name}", "{#items}", "' OR 1 eq 1 or PartitionKey eq '", "null", "NaN", "-1", "1e400", "😀👨‍👩‍👧",
        "2026-02-30", "9999-12-31T23:59:59Z", string.Concat(Enumerable.Repeat("<a ", 100_000)), string.Concat(Enumerable.Repeat("<!--<script ", 50_000)),
        string.Concat(Enumerable.Repeat("1 ", 150_000)), "С уважением,\n" + string.Concat(Enumerable.Repeat("Aa ", 100_000)), string.Concat(Enumerable.Repeat("a@", 150_000)), "0001-01-01", "user@", "@example.com", "a@b", new string('Я', 33_000), new string('a', 70_000),
    ];

    private static readonly string[] HostileNumbers =
    [
        "-1", "0", "-0", "1e400", "-1e400", "1e-400", "79228162514264337593543950336", "-79228162514264337593543950336",
        "0.0000000000000000000000000001", "12345678901234567890.123456789", "2147483648", "-2147483649", "9223372036854775808", "1.5", "-0.01",
    ];

    private static readonly string[] BrokenJson =
    [
        "", "{", "}", "{\"a\":}", "{\"a\":1,}", "{'a':1}", "[1,2", "nul", "tru", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-Infinity}",
        "{\"a\":\"unterminated}", "{\"a\":01}", "{\"a\":1}{\"b\":2}", "\u0000", "<xml/>", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00x\\ud800\"}",
        "{\"\\ud83d\":1}", "{\"a\":\"\\x41\"}", "{\"a\":1 /* comment */}",
    ];

    /// <summary><paramref name="count"/> hostile bodies for a route whose request schema is <paramref name="schema"/> (null: none declared).</summary>
    public IEnumerable<HostileBody> For(JsonElement? schema, int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return (random.Next(10), schema) switch
            {
                (0, _) => Whole(),
                (1, _) => Nested(),
                (_, { } s) => Mutated(s),
                _ => Whole(),
            };
        }
    }

    private HostileBody Whole()
    {
        switch (random.Next(6))
        {
            case 0:
                return new("broken JSON", Encoding.UTF8.GetBytes(Pick(BrokenJson)));
            case 1:
                return new("top-level " + Pick(["null", "[]", "\"text\"", "123", "true", "[{}]"]), Encoding.UTF8.GetBytes(Pick(["null", "[]", "\"text\"", "123", "true", "[{}]"])));
            case 2:
                return new("invalid UTF-8", [(byte)'{', (byte)'"', 0xC3, 0x28, 0xFF, 0xFE, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
            case 3:
                return new("not JSON content type", Encoding.UTF8.GetBytes("a=1&b=2"), Pick(["text/plain", "application/x-www-form-urlencoded", "application/xml"]));
            case 4:
                var keys = new StringBuilder("{");
                for (var i = 0; i < 5000; i++)
                {
                    keys.Append(i == 0 ? "" : ",").Append("\"k").Append(i).Append("\":").Append(i);
                }

                return new("5000 unknown properties", Encoding.UTF8.GetBytes(keys.Append('}').ToString()));
            default:
                return new("empty object", Encoding.UTF8.GetBytes("{}"));
        }
    }

    private HostileBody Nested()
    {
        var depth = Pick([65, 200, 5000]);
        var array = random.Next(2) == 0;
        var open = array ? "[" : "{\"a\":";
        var close = array ? "]" : "}";
        var text = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        return new($"nested {depth} deep", Encoding.UTF8.GetBytes(text));
    }

    private HostileBody Mutated(JsonElement schema)
    {
        var body = Sample(schema, 0) as JsonObject ?? [];
        var paths = Leaves(body, "").ToList();
        if (paths.Count == 0 || random.Next(8) == 0)
        {
            // Unknown or missing fields: add one with a hostile name and value.
            body[Pick(HostileStrings.Where(s => s.Length < 100).ToArray())] = HostileValue("x", out var kind);
            return new("extra field: " + kind, Encoding.UTF8.GetBytes(body.ToJsonString()));
        }

        var (parent, key, path) = paths[random.Next(paths.Count)];
        var value = HostileValue(key?.ToString() ?? "item", out var what);
        if (raw(value) is { } rawText)
        {
            // Bare NaN / overflowing literals are not JsonNodes: splice them in as text.
            Set(parent, key!, "__RAW__");
            var json = body.ToJsonString().Replace("\"__RAW__\"", rawText, StringComparison.Ordinal);
            return new($"{path}: {what}", Encoding.UTF8.GetBytes(json));
        }

        Set(parent, key!, value);
        return new($"{path}: {what}", Encoding.UTF8.GetBytes(body.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })));

        static string? raw(JsonNode? node) => node is JsonValue v && v.TryGetValue<RawNumber>(out var r) ? r.Text : null;
    }

    /// <summary>A number literal written as-is (it may not fit any .NET type).</summary>
    private sealed record RawNumber(string Text);

    private JsonNode? HostileValue(string name, out string kind)
    {
        var idLike = name.EndsWith("id", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Id", StringComparison.Ordinal);
        switch (random.Next(idLike ? 8 : 7))
        {
            case 0:
                kind = "null";
                return null;
            case 1:
                var number = Pick(HostileNumbers);
                kind = "number " + Short(number);
                return JsonValue.Create(new RawNumber(number));
            case 2:
                kind = "wrong type";
                return Pick<Func<JsonNode?>>([() => new JsonArray(1, "a"), () => new JsonObject { ["x"] = 1 }, () => true, () => 42, () => "42"])();
            case 3:
                kind = "lone surrogate";
                return JsonValue.Create(new RawNumber(Pick(["\"\\ud800\"", "\"abc\\udfff\"", "\"\\udc00\\ud800\"", "\"ООО \\ud83d «Ромашка»\""])));
            case 7:
                var path = Pick(["../../x", "..%2F..%2Fx", "a/b", "a\\b", "a#b", "a?b", "%00", "con", " padded ", new string('9', 5000), "2026-0001/../2026-0002"]);
                kind = "path-like id " + Short(path);
                return path;
            default:
                var text = Pick(HostileStrings);
                kind = "string " + Short(text);
                return text;
        }
    }

    private static string Short(string text) => text.Length > 24 ? $"{text[..12]}…({text.Length} chars)" : text;

    /// <summary>A plausible value for a schema: components resolved, the first of oneOf/anyOf taken, strings by format.</summary>
    private JsonNode? Sample(JsonElement schema, int depth)
    {
        schema = Resolve(schema);
        if (depth > 6)
        {
            return null;
        }

        foreach (var choice in new[] { "oneOf", "anyOf", "allOf" })
        {
            // An object's own anyOf only says which of its properties it needs at least one of; its properties are the sample.
            if (schema.TryGetProperty(choice, out var options) && options.GetArrayLength() > 0 && !schema.TryGetProperty("properties", out _))
            {
                return Sample(options.EnumerateArray().First(o => Type(Resolve(o)) != "null"), depth + 1);
            }
        }

        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            return JsonNode.Parse(values[random.Next(values.GetArrayLength())].GetRawText());
        }

        switch (Type(schema))
        {
            case "object":
                var obj = new JsonObject();
                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        // The document's own example of a value (an INN with its checksum, a task code from the catalog) comes first.
                        obj[property.Name] = OpenApiSchemas.Example(property.Value) ?? Plausible(property.Name, property.Value) ?? Sample(property.Value, depth + 1);
                    }
                }

                return obj;
            case "array":
                return schema.TryGetProperty("items", out var items) ? new JsonArray(Sample(items, depth + 1)) : [];
            case "integer":
                return 1;
            case "number":
                return 100.5m;
            case "boolean":
                return true;
            default:
                return (schema.TryGetProperty("format", out var f) ? f.GetString() : null) switch
                {
                    "date" => "2026-11-15",
                    "date-time" => "2026-11-15T10:00:00Z",
                    "email" => "ivan@romashka.ru",
                    _ => "Тест",
                };
        }
    }

    /// <summary>A value of the right form for a field the schema names but does not describe (an e-mail, a date, an INN), so that a
    /// body gets past the first checks and its one hostile field reaches the code behind them.</summary>
    private JsonNode? Plausible(string name, JsonElement schema)
    {
        if (Type(Resolve(schema)) is not (null or "string"))
        {
            return null;
        }

        var lower = name.ToLowerInvariant();
        return lower switch
        {
            "internetmessageid" => $"<{random.Next():x8}.{random.Next():x8}@romashka.ru>",
            "requestid" => $"{random.Next():x8}{random.Next():x8}",
            "address" or "email" => "ivan@romashka.ru",
            "month" => "2026-11",
            "inn" => "7707083893",
            "kpp" => "773601001",
            "currency" => "RUB",
            "user" => "ivanov",
            "bodytext" => "Добрый день!\n\nС уважением,\nИван Петров\nООО «Ромашка»\nИНН 7707083893\n+7 495 123-45-67",
            _ when lower.EndsWith("date", StringComparison.Ordinal) || lower.EndsWith("at", StringComparison.Ordinal) => "2026-11-15",
            _ => null,
        };
    }

    private JsonElement Resolve(JsonElement schema) => OpenApiSchemas.Resolve(document, schema);

    private static string? Type(JsonElement schema) => OpenApiSchemas.TypeOf(schema);

    /// <summary>Every place a value sits in the body: (its container, its key or index, its path for the report).</summary>
    private static IEnumerable<(JsonNode Parent, object Key, string Path)> Leaves(JsonNode node, string path)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj.ToList())
            {
                yield return (obj, name, path + "." + name);
                if (child is not null)
                {
                    foreach (var leaf in Leaves(child, path + "." + name))
                    {
                        yield return leaf;
                    }
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                yield return (array, i, $"{path}[{i}]");
                if (array[i] is { } child)
                {
                    foreach (var leaf in Leaves(child, $"{path}[{i}]"))
                    {
                        yield return leaf;
                    }
                }
            }
        }
    }

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[(string)key] = value;
        }
        else
        {
            ((JsonArray)parent)[(int)key] = value;
        }
    }

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];
}
