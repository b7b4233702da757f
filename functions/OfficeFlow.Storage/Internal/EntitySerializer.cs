using System.Text.Json;
using Azure;

namespace OfficeFlow.Storage.Internal;

/// <summary>Maps entities to Table Storage JSON and back: typed classes through their cached
/// <see cref="EntityShape"/>, <see cref="TableEntity"/> property by property.</summary>
internal static class EntitySerializer
{
    public static byte[] Serialize(ITableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, entity);
        }

        return buffer.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, ITableEntity entity)
    {
        writer.WriteStartObject();
        writer.WriteString("PartitionKey", entity.PartitionKey);
        writer.WriteString("RowKey", entity.RowKey);
        if (entity is TableEntity dynamic)
        {
            foreach (var (name, value) in dynamic)
            {
                if (!EdmTypes.IsSystemProperty(name))
                {
                    EdmWriter.WriteProperty(writer, name, value, "the entity");
                }
            }
        }
        else
        {
            var shape = EntityShape.For(entity.GetType());
            foreach (var property in shape.Properties)
            {
                EdmWriter.WriteProperty(writer, property.Name, property.Info.GetValue(entity), shape.Type.Name);
            }
        }

        writer.WriteEndObject();
    }

    public static T Read<T>(JsonElement json)
        where T : class, ITableEntity, new()
    {
        var entity = new T();
        if (json.TryGetProperty("PartitionKey", out var pk))
        {
            entity.PartitionKey = pk.GetString() ?? "";
        }

        if (json.TryGetProperty("RowKey", out var rk))
        {
            entity.RowKey = rk.GetString() ?? "";
        }

        if (json.TryGetProperty("Timestamp", out var timestamp) && timestamp.ValueKind == JsonValueKind.String)
        {
            entity.Timestamp = EdmReader.ParseDateTime(timestamp.GetString()!);
        }

        if (json.TryGetProperty(EdmTypes.ETagProperty, out var etag) && etag.ValueKind == JsonValueKind.String)
        {
            entity.ETag = new ETag(etag.GetString()!);
        }

        if (entity is TableEntity dynamic)
        {
            foreach (var property in json.EnumerateObject())
            {
                if (!EdmTypes.IsSystemProperty(property.Name))
                {
                    dynamic[property.Name] = EdmReader.ReadDynamic(property.Value, Annotation(json, property.Name));
                }
            }

            return entity;
        }

        var shape = EntityShape.For(typeof(T));
        foreach (var property in shape.Properties)
        {
            if (!json.TryGetProperty(property.Name, out var value))
            {
                continue;
            }

            var edmType = Annotation(json, property.Name);
            object? converted;
            try
            {
                converted = EdmReader.ReadAs(value, edmType, property.ValueType);
            }
            catch (Exception e) when (e is FormatException or InvalidCastException or InvalidOperationException or OverflowException or ArgumentException)
            {
                throw new InvalidOperationException(
                    $"Stored property '{property.Name}' ({edmType ?? value.ValueKind.ToString()}) of entity " +
                    $"'{entity.PartitionKey}'/'{entity.RowKey}' cannot be read as {property.Info.PropertyType.Name} of {shape.Type.Name}. " +
                    "Change the property's type or fix the stored value.", e);
            }

            if (converted is not null || Nullable.GetUnderlyingType(property.Info.PropertyType) is not null || !property.ValueType.IsValueType)
            {
                property.Info.SetValue(entity, converted);
            }
        }

        return entity;
    }

    private static string? Annotation(JsonElement json, string name) =>
        json.TryGetProperty(name + EdmTypes.AnnotationSuffix, out var type) ? type.GetString() : null;
}
