using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Health;
using OfficeFlow.Functions.Hosting.Catalog;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Hosting;

public sealed class HealthAndOpenApiTests : IDisposable
{
    private readonly OfficeFlowApiFactory _factory = new OfficeFlowApiFactory()
        // Nothing listens on port 1: storage is down.
        .WithSetting("Storage:ConnectionString", "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;")
        .WithSetting("Hosting:HealthStorageTimeoutSeconds", "2");

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Health_StorageDown_Answers503WithVersionAndStorageUnavailable()
    {
        var client = _factory.CreateClient();

        var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unavailable", report.GetProperty("storage").GetString());
        Assert.Equal("degraded", report.GetProperty("status").GetString());
        Assert.Equal("standalone", report.GetProperty("mode").GetString());
        // Anonymous: no version or commit for an attacker to match against known flaws.
        Assert.Equal(JsonValueKind.Null, report.GetProperty("version").ValueKind);
        Assert.DoesNotContain(HealthApi.Version, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_SignedInUser_SeesTheVersion()
    {
        using var factory = new OfficeFlowApiFactory().WithSettings(TestTokens.Settings)
            .WithSetting("Storage:ConnectionString", "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;")
            .WithSetting("Hosting:HealthStorageTimeoutSeconds", "1");
        var client = factory.CreateClient().WithToken("admin-1", OfficeFlow.Functions.Auth.Roles.Admin);

        var report = await (await client.GetAsync("/api/health")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HealthApi.Version, report.GetProperty("version").GetString());
        Assert.StartsWith("1.0.0", report.GetProperty("version").GetString());
    }

    [Fact]
    public async Task OpenApi_IsServedAnonymously_AndDescribesEveryHttpFunctionOfTheCatalog()
    {
        var client = _factory.CreateClient();
        var catalog = _factory.Services.GetRequiredService<FunctionCatalogAccessor>().Catalog;

        var response = await client.GetAsync("/api/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Path: path.Name, Method: op.Name, Id: op.Value.TryGetProperty("operationId", out var id) ? id.GetString() : null)))
            .ToList();
        // The document does not list itself (MapOpenApi excludes its own route); every other function must be there.
        var expected = catalog.HttpFunctions.Where(f => f.Name != "OpenApi").ToList();
        Assert.NotEmpty(expected);
        foreach (var function in expected)
        {
            foreach (var method in function.Methods)
            {
                Assert.Contains(operations, op => op.Id == function.Name && op.Path == "/api/" + function.Route && op.Method == method);
            }
        }
    }

    [Fact]
    public async Task OpenApi_MarksAsRequiredOnlyWhatTheRequestCannotDoWithout()
    {
        var document = await _factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/openapi.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        string[] Required(string schema) => schemas.GetProperty(schema).TryGetProperty("required", out var list)
            ? list.EnumerateArray().Select(e => e.GetString()!).Order().ToArray() : [];

        // An invoice takes a due date or a payment term (or neither: the default term); a payment's date defaults to today.
        Assert.Equal(["clientId", "clientName", "lines"], Required("CreateInvoiceRequest"));
        Assert.Equal(["amount"], Required("AddPaymentRequest"));
        // A cancel reason, an acceptance date (default today) and a document's requisites are all optional.
        Assert.Empty(Required("CancelInvoiceRequest"));
        Assert.Empty(Required("AcceptRequest"));
        Assert.Empty(Required("DocumentRequest"));
        Assert.Equal(["clientId", "from", "to"], Required("ReconciliationRequest"));
        Assert.Equal(["doNotRemind"], Required("RemindersSettingRequest"));
    }

    [Fact]
    public async Task OpenApi_DescribesTheHealthResponse()
    {
        var client = _factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/api/openapi.json");

        var responses = document.GetProperty("paths").GetProperty("/api/health").GetProperty("get").GetProperty("responses");
        Assert.True(responses.TryGetProperty("200", out _));
        Assert.True(responses.TryGetProperty("503", out _));
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("HealthReport", out _));
    }
}
