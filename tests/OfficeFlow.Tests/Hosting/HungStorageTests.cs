using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Tests.Infrastructure;
using OfficeFlow.Tests.Storage;
using Xunit.Abstractions;

namespace OfficeFlow.Tests.Hosting;

/// <summary>
/// Table Storage that accepts the connection and then never answers (<see cref="SilentStorage"/>): a write, a read and
/// the health check each get their 503 within 5 s on the test's stopwatch, not after the storage client's 5 s per try
/// and its retry.
/// </summary>
public sealed class HungStorageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan UserWaits = TimeSpan.FromSeconds(5);
    private readonly SilentStorage _storage = new();
    private OfficeFlowApiFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = new OfficeFlowApiFactory()
            .WithSettings(TestTokens.Settings)
            .WithSetting("Storage:ConnectionString", _storage.ConnectionString)
            .WithSetting("Local:DataFolder", Path.Combine(Path.GetTempPath(), "officeflow-hung-" + Guid.NewGuid().ToString("N")));
        _client = _factory.CreateClient();
        _client.Timeout = TimeSpan.FromSeconds(30);
        _client.DefaultRequestHeaders.Authorization = TestTokens.Bearer("hung-user", Roles.Manager);
        // A running app, as a user meets it: the first request's start-up work (JIT, auth metadata) is not the storage's.
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/openapi.json")).StatusCode);
    }

    [Fact]
    public async Task LogEmail_StorageHangs_Is503WithRetryAfterWithin5s()
    {
        var (response, took) = await TimedAsync(() => _client.PostAsJsonAsync("/api/contacts/log-email", new
        {
            internetMessageId = $"<hung-{Guid.NewGuid():N}@client.ru>",
            from = new { address = "petr@client.ru", name = "Пётр Сидоров" },
            to = new[] { new { address = "manager@officeflow.example" } },
            subject = "Счёт на оплату",
            bodyText = "Добрый день! Пришлите, пожалуйста, счёт.",
        }));

        await AssertStorageUnavailableAsync(response, took, "POST /api/contacts/log-email");
    }

    [Fact]
    public async Task ClientsGet_StorageHangs_Is503WithRetryAfterWithin5s()
    {
        var (response, took) = await TimedAsync(() => _client.GetAsync("/api/clients/cl0123456789abcdef"));

        await AssertStorageUnavailableAsync(response, took, "GET /api/clients/{id}");
    }

    [Fact]
    public async Task Health_StorageHangs_Is503Within5s()
    {
        var (response, took) = await TimedAsync(() => _client.GetAsync("/api/health"));

        output.WriteLine($"GET /api/health: {(int)response.StatusCode} after {took.TotalMilliseconds:0} ms");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unavailable", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["storage"]);
        Assert.True(took < UserWaits, $"503 after {took.TotalSeconds:0.0} s");
    }

    private static async Task<(HttpResponseMessage Response, TimeSpan Took)> TimedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var watch = Stopwatch.StartNew();
        var response = await send();
        await response.Content.LoadIntoBufferAsync();
        return (response, watch.Elapsed);
    }

    private async Task AssertStorageUnavailableAsync(HttpResponseMessage response, TimeSpan took, string route)
    {
        var body = await response.Content.ReadAsStringAsync();
        output.WriteLine($"{route}: {(int)response.StatusCode} after {took.TotalMilliseconds:0} ms, Retry-After {response.Headers.RetryAfter}, {_storage.Connections} connection(s) to the silent storage");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("5", response.Headers.RetryAfter?.ToString());
        var problem = JsonNode.Parse(body)!;
        Assert.Equal("Хранилище данных недоступно", (string?)problem["title"]);
        Assert.StartsWith("Хранилище данных", (string?)problem["detail"]);
        Assert.Equal("storage_unavailable", (string?)problem["code"]);
        Assert.True(took < UserWaits, $"503 after {took.TotalSeconds:0.0} s");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _storage.DisposeAsync();
    }
}
