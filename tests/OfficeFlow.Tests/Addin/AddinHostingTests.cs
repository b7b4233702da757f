using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OfficeFlow.Tests.Auth;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Addin;

/// <summary>The standalone host serving the built add-in from Addin:Folder under /addin/, and config.json.</summary>
public sealed class AddinHostingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("addin-dist-").FullName;

    public AddinHostingTests()
    {
        File.WriteAllText(Path.Combine(_folder, "taskpane.html"), "<!doctype html><title>Клиент</title>");
        File.WriteAllText(Path.Combine(_folder, "manifest.xml"), "<OfficeApp/>");
        Directory.CreateDirectory(Path.Combine(_folder, "assets"));
        File.WriteAllText(Path.Combine(_folder, "assets", "taskpane-3f9a1c.js"), "console.log(1)");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(_folder)!, "secret-next-to-dist.json"), "{}");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private OfficeFlowApiFactory App() => new OfficeFlowApiFactory().WithSettings(TestTokens.Settings).WithSetting("Addin:Folder", _folder);

    [Fact]
    public async Task AddinFile_IsServedAnonymously_PagesAndManifestsNotCached_HashedAssetsCachedForGood()
    {
        using var app = App();
        var client = app.CreateClient();

        var page = await client.GetAsync("/addin/taskpane.html");
        var manifest = await client.GetAsync("/addin/manifest.xml");
        var asset = await client.GetAsync("/addin/assets/taskpane-3f9a1c.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Клиент</title>", await page.Content.ReadAsStringAsync());
        Assert.True(page.Headers.CacheControl?.NoCache);
        Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
        Assert.True(manifest.Headers.CacheControl?.NoCache);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal(TimeSpan.FromDays(365), asset.Headers.CacheControl?.MaxAge);
    }

    [Fact]
    public async Task AddinBundles_AreCompressed_ForABrowserThatAsks_AndTheApiIsNot()
    {
        File.WriteAllText(Path.Combine(_folder, "assets", "big-1a2b3c.js"), string.Concat(Enumerable.Repeat("export const fluent = 'Fluent UI';\n", 4000)));
        using var app = App();
        var client = app.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/addin/assets/big-1a2b3c.js");
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        var bundle = await client.SendAsync(request);
        using var health = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        health.Headers.AcceptEncoding.ParseAdd("br, gzip");
        var api = await client.SendAsync(health);

        Assert.Equal("br", Assert.Single(bundle.Content.Headers.ContentEncoding));
        Assert.True((await bundle.Content.ReadAsByteArrayAsync()).Length < 140_000 / 10, "a repetitive 140 KB bundle compresses well");
        Assert.Empty(api.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("/addin/missing.html")]
    [InlineData("/addin/")]
    [InlineData("/addin/assets/")]
    [InlineData("/addin/..%2fsecret-next-to-dist.json")]
    [InlineData("/addin/..%2f..%2fappsettings.json")]
    public async Task NoFileThere_NoListing_NoWayOut_Is404(string path)
    {
        using var app = App();

        var response = await app.CreateClient().GetAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{path}: {response.StatusCode}");
        Assert.DoesNotContain("taskpane", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithoutAddinFolder_NoFilesAreServed()
    {
        using var app = new OfficeFlowApiFactory().WithSettings(TestTokens.Settings);

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/addin/taskpane.html")).StatusCode);
    }

    [Fact]
    public async Task ConfigJson_InDevelopmentMode_SaysSoWithoutEntraDetails()
    {
        using var app = App();

        var config = await app.CreateClient().GetFromJsonAsync<JsonElement>("/addin/config.json");

        Assert.Equal("/api", config.GetProperty("apiBase").GetString());
        var auth = config.GetProperty("auth");
        Assert.Equal("Development", auth.GetProperty("mode").GetString());
        Assert.Equal(JsonValueKind.Null, auth.GetProperty("clientId").ValueKind);
        Assert.Equal(JsonValueKind.Null, auth.GetProperty("authority").ValueKind);
        Assert.Equal(JsonValueKind.Null, auth.GetProperty("scope").ValueKind);
    }

    [Fact]
    public async Task ConfigJson_InEntraIdMode_GivesTheAuthorityAndTheApiScope()
    {
        await using var entra = await EntraIdStub.StartAsync();
        using var app = new OfficeFlowApiFactory().WithSettings(entra.Settings).WithSetting("Addin:ClientId", "12345678-aaaa-bbbb-cccc-1234567890ab");

        var auth = (await app.CreateClient().GetFromJsonAsync<JsonElement>("/addin/config.json")).GetProperty("auth");

        Assert.Equal("EntraId", auth.GetProperty("mode").GetString());
        Assert.Equal("12345678-aaaa-bbbb-cccc-1234567890ab", auth.GetProperty("clientId").GetString());
        Assert.Equal($"https://login.microsoftonline.com/{EntraIdStub.TenantId}", auth.GetProperty("authority").GetString());
        Assert.Equal($"api://{EntraIdStub.ClientId}/access_as_user", auth.GetProperty("scope").GetString());
    }
}
