using System.Text.Json;
using Microsoft.Extensions.Configuration;
using OfficeFlow.Functions.Graph;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Graph;

public sealed class GraphDocumentStoreTests : IAsyncLifetime
{
    private const string SimpleUpload = "/v1.0/drives/{driveId}/root:/{*path}:/content";
    private GraphStub _stub = null!;

    public async Task InitializeAsync() => _stub = await GraphStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private GraphDocumentStore CreateSut() => new(GraphTestClient.Create(_stub),
        GraphSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(GraphTestClient.Settings(_stub)).Build()));

    [Fact]
    public async Task Save_PutsTheContentUnderTheArchiveFolder_AndReturnsTheWebUrl()
    {
        _stub.On("PUT", SimpleUpload, c => c.JsonAsync(201, new
        {
            id = "item-1",
            name = Path.GetFileName(c.RouteValues["path"]),
            webUrl = "https://firm.sharepoint.com/Documents/" + c.RouteValues["path"],
        }));
        var content = "PK\u0003\u0004 workbook bytes"u8.ToArray();

        var stored = await CreateSut().SaveAsync("Grades/2026-11", "Ведомость ноябрь 2026.xlsx", content);

        var request = Assert.Single(_stub.Requests);
        Assert.Equal($"/v1.0/drives/{GraphTestClient.DriveId}/root:/OfficeFlow/Grades/2026-11/Ведомость ноябрь 2026.xlsx:/content", request.Path);
        Assert.Equal(content, request.Body);
        Assert.Equal("https://firm.sharepoint.com/Documents/OfficeFlow/Grades/2026-11/Ведомость ноябрь 2026.xlsx", stored.Location);
        Assert.Equal("Ведомость ноябрь 2026.xlsx", stored.FileName);
    }

    [Fact]
    public async Task Save_LargerThan4MB_UsesAnUploadSessionInSlices_AndReplacesAnExistingFile()
    {
        var received = new MemoryStream();
        _stub.On("POST", "/v1.0/drives/{driveId}/root:/{*path}:/createUploadSession", c => c.JsonAsync(200, new
        {
            uploadUrl = _stub.Origin + "/upload/session-1",
            expirationDateTime = DateTimeOffset.UtcNow.AddHours(1),
            nextExpectedRanges = new[] { "0-" },
        }));
        _stub.On("PUT", "/upload/session-1", async c =>
        {
            // Content-Range: bytes first-last/total
            var range = c.Http.Request.Headers.ContentRange.ToString();
            var total = long.Parse(range[(range.IndexOf('/') + 1)..]);
            received.Write(c.Body);
            if (received.Length < total)
            {
                await c.JsonAsync(202, new { expirationDateTime = DateTimeOffset.UtcNow.AddHours(1), nextExpectedRanges = new[] { $"{received.Length}-" } });
            }
            else
            {
                await c.JsonAsync(201, new { id = "big-1", name = "archive.docx", webUrl = "https://firm.sharepoint.com/big" });
            }
        });
        var content = new byte[(5 * 1024 * 1024) + 123];
        new Random(7).NextBytes(content);

        var stored = await CreateSut().SaveAsync("Contracts", "archive.docx", content);

        Assert.Equal("https://firm.sharepoint.com/big", stored.Location);
        Assert.Equal(content, received.ToArray());
        var session = Assert.Single(_stub.RequestsTo("POST", "/v1.0/drives/{driveId}/root:/{*path}:/createUploadSession"));
        Assert.Equal("/v1.0/drives/drive-1/root:/OfficeFlow/Contracts/archive.docx:/createUploadSession", session.Path);
        Assert.Equal("replace", session.Json().GetProperty("item").GetProperty("@microsoft.graph.conflictBehavior").GetString());
        Assert.True(_stub.RequestsTo("PUT", "/upload/session-1").Count >= 2, "a 5 MB file goes up in more than one slice");
        Assert.Empty(_stub.RequestsTo("PUT", SimpleUpload));
    }

    [Theory]
    [InlineData("Contracts", "../escape.docx")]
    [InlineData("../outside", "a.docx")]
    [InlineData("Contracts", "a:b.docx")]
    public async Task Save_NameThatCouldEscapeTheFolder_IsRefusedBeforeAnyCall(string folder, string fileName)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CreateSut().SaveAsync(folder, fileName, new byte[] { 1 }));
        Assert.Empty(_stub.Requests);
    }
}
