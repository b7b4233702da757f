namespace OfficeFlow.Functions.Graph;

/// <summary>
/// Local mode's document store: <c>&lt;Local:DataFolder&gt;/documents/&lt;folder&gt;/&lt;fileName&gt;</c>. The location it returns is
/// relative to that documents folder ("Contracts/2026/Договор 2026-0001.docx"): it reaches API answers and headers, which
/// must not show the server's own paths. Each save writes a
/// temporary file and moves it over the old one, so a reader sees the old or the new document, never half of one.
/// </summary>
public sealed class LocalFolderDocumentStore(GraphSettings settings) : IDocumentStore
{
    public string Root { get; } = Path.Combine(settings.LocalDataFolder, "documents");

    public async Task<StoredDocument> SaveAsync(string folder, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var segments = DocumentPath.Segments(folder, fileName);
        var directory = Path.Combine([Root, .. segments]);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, fileName);
        var temporary = Path.Combine(directory, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return new StoredDocument(string.Join('/', [.. segments, fileName]), fileName);
    }
}
