using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace OfficeFlow.Functions.Contracts.Templating;

/// <summary>
/// Compiled templates keyed by the SHA-256 of their bytes, so the same file is parsed once per process
/// however it arrives (embedded template, upload, CLI). Bounded: past <see cref="Capacity"/> entries the
/// cache starts over rather than growing without limit.
/// </summary>
public sealed class TemplateCache(TemplateLimits? limits = null)
{
    private readonly ConcurrentDictionary<string, Lazy<DocxTemplate>> _compiled = new(StringComparer.Ordinal);

    public const int Capacity = 64;

    /// <summary>The compiled template for these bytes, compiling them the first time.</summary>
    /// <exception cref="TemplateException">The template is invalid (not cached, so a fixed file is tried again).</exception>
    public DocxTemplate GetOrCompile(byte[] docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        var key = Convert.ToHexString(SHA256.HashData(docx));
        if (_compiled.Count >= Capacity && !_compiled.ContainsKey(key))
        {
            _compiled.Clear();
        }

        var lazy = _compiled.GetOrAdd(key, _ => new Lazy<DocxTemplate>(() => DocxTemplate.Compile(docx, limits)));
        try
        {
            return lazy.Value;
        }
        catch (TemplateException)
        {
            _compiled.TryRemove(new KeyValuePair<string, Lazy<DocxTemplate>>(key, lazy));
            throw;
        }
    }
}
