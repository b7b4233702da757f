using Microsoft.Graph;
using Microsoft.Graph.Drives.Item.Items.Item.CreateUploadSession;
using Microsoft.Graph.Models;

namespace OfficeFlow.Functions.Graph;

/// <summary>
/// Files documents in the configured drive under <c>Graph:ArchiveFolder</c>: a simple
/// <c>PUT /drives/{driveId}/root:/{path}:/content</c> up to 4 MB, an upload session above (Graph's limit for
/// simple uploads). Both replace an existing file of the same name. Returns the file's web URL.
/// </summary>
public sealed class GraphDocumentStore(GraphServiceClient client, GraphSettings settings) : IDocumentStore
{
    public const int SimpleUploadLimit = 4 * 1024 * 1024;

    /// <summary>Upload-session slices must be multiples of 320 KiB.</summary>
    public const int SliceSize = 320 * 1024 * 10;

    public async Task<StoredDocument> SaveAsync(string folder, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var segments = DocumentPath.Segments(folder, fileName);
        var drivePath = string.Join('/', new[] { settings.ArchiveFolder }.Concat(segments).Append(fileName).Where(s => s.Length > 0).Select(Uri.EscapeDataString));
        var item = client.Drives[settings.DriveId].Root.ItemWithPath(drivePath);
        using var stream = new MemoryStream(content.ToArray(), writable: false);

        DriveItem? saved;
        if (content.Length <= SimpleUploadLimit)
        {
            saved = await item.Content.PutAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var session = await item.CreateUploadSession.PostAsync(
                new CreateUploadSessionPostRequestBody
                {
                    Item = new DriveItemUploadableProperties { AdditionalData = new Dictionary<string, object> { ["@microsoft.graph.conflictBehavior"] = "replace" } },
                },
                cancellationToken: cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Graph returned no upload session for {drivePath}.");
            // A new session expects the whole file; the SDK fails without a range list, which some proxies drop.
            session.NextExpectedRanges ??= ["0-"];
            var upload = new LargeFileUploadTask<DriveItem>(session, stream, SliceSize, client.RequestAdapter);
            var result = await upload.UploadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!result.UploadSucceeded)
            {
                throw new InvalidOperationException($"The upload of {drivePath} did not complete.");
            }

            saved = result.ItemResponse;
        }

        var url = saved?.WebUrl ?? throw new InvalidOperationException($"Graph did not return the web URL of {drivePath}.");
        return new StoredDocument(url, fileName);
    }
}
