using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Serialization;

namespace OfficeFlow.Storage.Internal;

/// <summary>
/// The stored properties of one entity class: public instance properties with a public getter and
/// setter, except the system ones and those marked [IgnoreDataMember]. Built once per type, so the
/// reflection cost is paid once, and an unsupported property type fails on first use, naming it.
/// </summary>
internal sealed class EntityShape
{
    private static readonly ConcurrentDictionary<Type, EntityShape> Shapes = new();

    private static readonly HashSet<Type> Supported =
    [
        typeof(string), typeof(bool), typeof(int), typeof(long), typeof(double), typeof(float), typeof(decimal),
        typeof(DateTimeOffset), typeof(DateTime), typeof(Guid), typeof(byte[]),
        typeof(short), typeof(byte), typeof(sbyte), typeof(ushort), typeof(uint),
    ];

    private EntityShape(Type type, IReadOnlyList<EntityProperty> properties)
    {
        Type = type;
        Properties = properties;
    }

    public Type Type { get; }

    public IReadOnlyList<EntityProperty> Properties { get; }

    public static EntityShape For(Type type) => Shapes.GetOrAdd(type, Build);

    private static EntityShape Build(Type type)
    {
        var properties = new List<EntityProperty>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0
                || property.GetMethod?.IsPublic != true
                || property.SetMethod?.IsPublic != true
                || EdmTypes.IsSystemProperty(property.Name)
                || property.IsDefined(typeof(IgnoreDataMemberAttribute)))
            {
                continue;
            }

            var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (!Supported.Contains(valueType) && !valueType.IsEnum)
            {
                throw new NotSupportedException(
                    $"{type.Name}.{property.Name} has type {property.PropertyType.Name}, which Table Storage cannot store. " +
                    "Use string, bool, int, long, double, decimal, DateTimeOffset, DateTime, Guid, byte[], an enum (or their nullable forms), " +
                    "or mark the property [IgnoreDataMember].");
            }

            properties.Add(new EntityProperty(property, valueType));
        }

        return new EntityShape(type, properties);
    }
}

/// <summary>One stored property of an entity class; <see cref="ValueType"/> has Nullable unwrapped.</summary>
internal sealed record EntityProperty(PropertyInfo Info, Type ValueType)
{
    public string Name => Info.Name;
}
