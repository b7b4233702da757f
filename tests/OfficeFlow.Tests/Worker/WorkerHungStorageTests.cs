using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Storage;
using OfficeFlow.Tests.Infrastructure;
using OfficeFlow.Tests.Storage;
using OfficeFlow.Worker.Contacts;
using OfficeFlow.Worker.Health;
using Xunit.Abstractions;

namespace OfficeFlow.Tests.Worker;

/// <summary>The worker's own per-function pipeline bounds a hung storage as the standalone host does: 503 within 5 s.</summary>
public sealed class WorkerHungStorageTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan UserWaits = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ClientsGet_StorageHangs_Is503WithRetryAfterWithin5s()
    {
        await using var storage = new SilentStorage();
        await using var worker = await StartAsync(storage);
        var request = worker.Request("GET", "/api/clients/cl0123456789abcdef", TestTokens.For("u1", Roles.Manager));

        var watch = Stopwatch.StartNew();
        await worker.Create<ContactsFunctions>().ClientsGet(request);
        watch.Stop();

        var response = request.HttpContext.Response;
        output.WriteLine($"worker GET /api/clients/{{id}}: {response.StatusCode} after {watch.ElapsedMilliseconds} ms");
        Assert.Equal(503, response.StatusCode);
        Assert.Equal("5", response.Headers.RetryAfter.ToString());
        Assert.Equal("Хранилище данных недоступно", (string?)WorkerTestHost.Json(request)["title"]);
        Assert.True(watch.Elapsed < UserWaits, $"503 after {watch.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Health_StorageHangs_Is503Within5s()
    {
        await using var storage = new SilentStorage();
        await using var worker = await StartAsync(storage);
        var request = worker.Request("GET", "/api/health");

        var watch = Stopwatch.StartNew();
        await worker.Create<HealthFunctions>().Health(request);
        watch.Stop();

        output.WriteLine($"worker GET /api/health: {request.HttpContext.Response.StatusCode} after {watch.ElapsedMilliseconds} ms");
        Assert.Equal(503, request.HttpContext.Response.StatusCode);
        Assert.Equal("unavailable", (string?)WorkerTestHost.Json(request)["storage"]);
        Assert.True(watch.Elapsed < UserWaits, $"503 after {watch.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>The worker with the app's own storage client (its options, retry and deadline policy) aimed at the silent storage.</summary>
    private async Task<WorkerTestHost> StartAsync(SilentStorage storage)
    {
        var worker = await WorkerTestHost.StartAsync(azurite, services =>
        {
            services.RemoveAll<TableServiceClient>();
            services.AddSingleton(new TableServiceClient(storage.ConnectionString, StorageModule.CreateClientOptions()));
        });
        // A running worker, as a user meets it: building the functions' pipelines on the first call is not the storage's time.
        var openApi = worker.Request("GET", "/api/openapi.json");
        await worker.Create<HealthFunctions>().OpenApi(openApi);
        Assert.Equal(200, openApi.HttpContext.Response.StatusCode);
        return worker;
    }
}
