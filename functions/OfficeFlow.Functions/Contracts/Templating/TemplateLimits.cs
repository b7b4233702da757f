namespace OfficeFlow.Functions.Contracts.Templating;

/// <summary>Bounds applied to every template before it is parsed, so an untrusted upload cannot exhaust memory.</summary>
public sealed record TemplateLimits
{
    /// <summary>The largest .docx accepted, in bytes. Default 10 MB.</summary>
    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>The most zip entries a .docx may have. Default 1000.</summary>
    public int MaxZipEntries { get; init; } = 1000;

    /// <summary>The largest uncompressed zip entry, in bytes (guards against zip bombs). Default 50 MB.</summary>
    public long MaxEntryBytes { get; init; } = 50 * 1024 * 1024;

    /// <summary>Passed to the Open XML SDK as <c>OpenSettings.MaxCharactersInPart</c>. Default 20 million.</summary>
    public long MaxCharactersInPart { get; init; } = 20_000_000;

    public static TemplateLimits Default { get; } = new();
}

/// <summary>How a render treats the data.</summary>
/// <param name="Strict">When true, a value tag whose field the data lacks is an error; otherwise it renders empty.
/// A missing section field is falsy in both modes.</param>
public sealed record RenderOptions(bool Strict = false)
{
    public static RenderOptions Lenient { get; } = new();
}
