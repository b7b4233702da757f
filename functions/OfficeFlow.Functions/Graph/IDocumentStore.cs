namespace OfficeFlow.Functions.Graph;

/// <summary>Keeps generated documents where people find them: a OneDrive/SharePoint folder through
/// Graph when configured, a local folder otherwise. Saving the same path again replaces the file.</summary>
public interface IDocumentStore
{
    Task<StoredDocument> SaveAsync(string folder, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);
}

/// <summary>Where a document was put: a web URL (Graph) or, in local mode, its path relative to the documents folder — never an absolute server path.</summary>
public sealed record StoredDocument(string Location, string FileName);
