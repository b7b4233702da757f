namespace OfficeFlow.Storage.Internal;

/// <summary>The OData type names Table Storage annotates properties with ("Prop@odata.type").</summary>
internal static class EdmTypes
{
    public const string Int64 = "Edm.Int64";
    public const string Double = "Edm.Double";
    public const string DateTime = "Edm.DateTime";
    public const string Guid = "Edm.Guid";
    public const string Binary = "Edm.Binary";
    public const string AnnotationSuffix = "@odata.type";
    public const string ETagProperty = "odata.etag";

    /// <summary>Properties every entity has, which the typed mapping fills itself.</summary>
    public static bool IsSystemProperty(string name) =>
        name is "PartitionKey" or "RowKey" or "Timestamp" or "ETag"
        || name.StartsWith("odata.", StringComparison.Ordinal)
        || name.EndsWith(AnnotationSuffix, StringComparison.Ordinal);
}
