using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OfficeFlow.Functions.Hosting.Errors;

/// <summary>
/// Says in Russian what a field of a request should hold («объект {name, address}», «число», «список»), found by
/// walking the request type along a JSON path ("$.lines[2].price"). The words come from the JSON shape the add-in
/// sends, never from .NET type names.
/// </summary>
internal static class ExpectedShape
{
    /// <summary>The type at <paramref name="path"/> inside <paramref name="root"/>, or null when the path leaves the typed part
    /// (a free JSON object such as a contract's fields).</summary>
    public static Type? TypeAt(Type root, IReadOnlyList<JsonPathSegment> path)
    {
        Type? current = root;
        foreach (var segment in path)
        {
            current = current is null ? null : Unwrap(current);
            if (current is null || IsFreeJson(current))
            {
                return null;
            }

            current = segment.Index is not null
                ? ElementType(current)
                : Properties(current).FirstOrDefault(p => string.Equals(JsonName(p), segment.Name, StringComparison.OrdinalIgnoreCase))?.PropertyType;
        }

        return current;
    }

    /// <summary>"ожидался объект {name, address}", "ожидалось число", "ожидалась строка": the verb agrees with the noun.</summary>
    public static string Expected(Type type)
    {
        var shape = Describe(type);
        var verb = shape.Split(' ', 2)[0] switch
        {
            "объект" or "список" => "ожидался",
            "строка" or "дата" => "ожидалась",
            _ => "ожидалось",
        };
        return shape.StartsWith("дата и время", StringComparison.Ordinal) ? "ожидались " + shape : verb + " " + shape;
    }

    /// <summary>«объект {name, address}», «число», «список, каждый элемент — …», «true или false»…</summary>
    public static string Describe(Type type, int depth = 0)
    {
        type = Unwrap(type);
        if (type == typeof(string) || type == typeof(char))
        {
            return "строка";
        }

        if (type == typeof(bool))
        {
            return "true или false";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte))
        {
            return "целое число, например 10";
        }

        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
        {
            // Also what an overflowing number (1e400) hears: a plain amount is what fits.
            return "число, например 1500.50";
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return "дата и время, например 2026-11-05T10:00:00+03:00";
        }

        if (type == typeof(DateOnly))
        {
            return "дата ГГГГ-ММ-ДД";
        }

        if (type.IsEnum)
        {
            return "одно из значений: " + string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName));
        }

        if (type == typeof(JsonObject))
        {
            return "объект";
        }

        if (type == typeof(JsonArray))
        {
            return "список";
        }

        if (IsFreeJson(type))
        {
            return "значение JSON";
        }

        if (ElementType(type) is { } element)
        {
            return "список, каждый элемент — " + Describe(element, depth + 1);
        }

        var names = Properties(type).Select(JsonName).ToList();
        return depth > 1 || names.Count == 0 ? "объект" : "объект {" + string.Join(", ", names) + "}";
    }

    private static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static bool IsFreeJson(Type type) => typeof(JsonNode).IsAssignableFrom(type) || type == typeof(JsonElement) || type == typeof(object);

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string) || IsDictionary(type))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    private static bool IsDictionary(Type type) =>
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)));

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null && (p.SetMethod is not null || IsConstructorParameter(type, p)));

    private static bool IsConstructorParameter(Type type, PropertyInfo property) =>
        type.GetConstructors().Any(c => c.GetParameters().Any(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase)));

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
}

/// <summary>One step of a JSON path: a property name or a list index.</summary>
internal readonly record struct JsonPathSegment(string? Name, int? Index);

/// <summary>Reads System.Text.Json's paths ("$.lines[2].price", "$['odd key']") and writes the field path the errors are keyed by ("lines[2].price").</summary>
internal static class JsonPaths
{
    public static IReadOnlyList<JsonPathSegment> Parse(string? path)
    {
        var segments = new List<JsonPathSegment>();
        if (string.IsNullOrEmpty(path) || path[0] != '$')
        {
            return segments;
        }

        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(new JsonPathSegment(path[(i + 1)..end], null));
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                segments.Add(new JsonPathSegment(path[(i + 2)..end], null));
                i = Math.Min(path.Length, end + 2);
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(new JsonPathSegment(null, int.TryParse(path.AsSpan(i + 1, end - i - 1), out var index) ? index : 0));
                i = Math.Min(path.Length, end + 1);
            }
            else
            {
                break;
            }
        }

        return segments;
    }

    /// <summary>"lines[2].price"; "body" for the whole body.</summary>
    public static string Field(IReadOnlyList<JsonPathSegment> segments)
    {
        if (segments.Count == 0)
        {
            return "body";
        }

        var text = new System.Text.StringBuilder();
        foreach (var segment in segments)
        {
            if (segment.Index is { } index)
            {
                text.Append('[').Append(index).Append(']');
            }
            else
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(Echo.Short(segment.Name, 64));
            }
        }

        return text.ToString();
    }
}
