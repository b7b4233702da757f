using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace OfficeFlow.Functions.Contracts.Templating;

/// <summary>
/// A Word template compiled once and rendered many times. Tags follow docxtemplater's default syntax
/// (<c>{field}</c>, <c>{a.b}</c>, <c>{#list}…{/list}</c>, <c>{^list}…{/list}</c>, <c>{.}</c>, <c>{/}</c>) plus
/// OfficeFlow formatters (<c>{total|money}</c>); see docs/contracts.md. The body, headers, footers, footnotes
/// and endnotes (and the tables and text boxes inside them) are templated; every other part is copied.
/// Instances are immutable and safe to share between threads.
/// </summary>
public sealed class DocxTemplate
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);
    private readonly Entry[] _entries;

    private DocxTemplate(Entry[] entries, IReadOnlyList<TemplateField> fields)
    {
        _entries = entries;
        Fields = fields;
    }

    /// <summary>The fields the template's tags ask for, in document order, sections with their inner fields.</summary>
    public IReadOnlyList<TemplateField> Fields { get; }

    /// <summary>Compiles a .docx. Every template error is reported at once.</summary>
    /// <exception cref="TemplateException">The file is not a usable .docx, exceeds a limit, or its tags are wrong.</exception>
    public static DocxTemplate Compile(byte[] docx, TemplateLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(docx);
        limits ??= TemplateLimits.Default;
        if (docx.Length > limits.MaxFileBytes)
        {
            throw TemplateException.InvalidFile($"The file is {docx.Length:N0} bytes; templates may be at most {limits.MaxFileBytes:N0} bytes.");
        }

        var raw = ReadZipEntries(docx, limits);
        var errors = new List<TemplateError>();
        var compiled = new Dictionary<string, List<TemplateNode>>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(docx, writable: false), false,
                new OpenSettings { MaxCharactersInPart = limits.MaxCharactersInPart });
            if (document.DocumentType != WordprocessingDocumentType.Document || document.MainDocumentPart?.Document is null)
            {
                throw TemplateException.InvalidFile("The file is not a Word document (.docx); templates with macros or .dotx templates are not accepted.");
            }

            foreach (var part in TemplatedParts(document.MainDocumentPart))
            {
                var name = part.Uri.OriginalString.TrimStart('/');
                if (part.RootElement is { } root && !compiled.ContainsKey(name))
                {
                    compiled[name] = PartCompiler.Compile(name, root, errors);
                }
            }
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidDataException or System.Xml.XmlException or IOException)
        {
            throw TemplateException.InvalidFile("The file is not a valid .docx document or one of its parts is too large.");
        }

        if (errors.Count > 0)
        {
            throw new TemplateException(errors);
        }

        var entries = raw.Select(e => new Entry(e.Name, compiled.TryGetValue(e.Name, out var nodes) ? nodes : null, e.Bytes)).ToArray();
        var fields = TemplateFieldCollector.Collect(entries.Where(e => e.Nodes is not null).SelectMany(e => e.Nodes!));
        return new DocxTemplate(entries, fields);
    }

    /// <summary>Renders the template with JSON data and returns the .docx bytes.</summary>
    /// <exception cref="TemplateException">Strict mode and a field is missing, or a value cannot be formatted; nothing is returned.</exception>
    public byte[] Render(JsonElement data, RenderOptions? options = null)
    {
        options ??= RenderOptions.Lenient;
        var output = new MemoryStream();
        var context = new RenderContext(TextWriter.Null, data, options.Strict);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in _entries)
            {
                var zipEntry = zip.CreateEntry(entry.Name, CompressionLevel.Fastest);
                using var stream = zipEntry.Open();
                if (entry.Nodes is null)
                {
                    stream.Write(entry.Bytes);
                    continue;
                }

                using var writer = new StreamWriter(stream, Utf8NoBom, 16 * 1024);
                context.Output = writer;
                foreach (var node in entry.Nodes)
                {
                    node.Render(context);
                }
            }
        }

        if (context.Errors.Count > 0)
        {
            throw new TemplateException(context.Errors);
        }

        return output.ToArray();
    }

    private static IEnumerable<OpenXmlPart> TemplatedParts(MainDocumentPart main)
    {
        yield return main;
        foreach (var header in main.HeaderParts)
        {
            yield return header;
        }

        foreach (var footer in main.FooterParts)
        {
            yield return footer;
        }

        if (main.FootnotesPart is { } footnotes)
        {
            yield return footnotes;
        }

        if (main.EndnotesPart is { } endnotes)
        {
            yield return endnotes;
        }
    }

    private static List<(string Name, byte[] Bytes)> ReadZipEntries(byte[] docx, TemplateLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(docx, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > limits.MaxZipEntries)
            {
                throw TemplateException.InvalidFile($"The file has {zip.Entries.Count} zip entries; templates may have at most {limits.MaxZipEntries}.");
            }

            var entries = new List<(string, byte[])>(zip.Entries.Count);
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > limits.MaxEntryBytes)
                {
                    throw TemplateException.InvalidFile($"The part '{entry.FullName}' unpacks to {entry.Length:N0} bytes; at most {limits.MaxEntryBytes:N0} are allowed.");
                }

                if (entry.FullName.EndsWith('/'))
                {
                    continue;
                }

                var bytes = new byte[entry.Length];
                using var stream = entry.Open();
                stream.ReadExactly(bytes);
                entries.Add((entry.FullName, bytes));
            }

            return entries;
        }
        catch (InvalidDataException)
        {
            throw TemplateException.InvalidFile("The file is not a .docx (it is not a valid zip package).");
        }
        catch (EndOfStreamException)
        {
            throw TemplateException.InvalidFile("The file is corrupt: a zip entry is shorter than its header says.");
        }
    }

    private sealed record Entry(string Name, List<TemplateNode>? Nodes, byte[] Bytes);
}
