using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OfficeFlow.Functions.Auth;
using Azure.Data.Tables;
using OfficeFlow.Tests.Infrastructure;
using OfficeFlow.Worker.Contacts;

namespace OfficeFlow.Tests.Worker;

/// <summary>The worker answers a storage outage as the standalone host does: 503, Retry-After, the Russian problem.</summary>
public sealed class WorkerStorageOutageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ClientsGet_StorageNotAnswering_Is503WithRetryAfter()
    {
        await using var worker = await WorkerTestHost.StartAsync(azurite, services =>
        {
            // Storage on a loopback port where nothing listens: every call is refused.
            services.RemoveAll<TableServiceClient>();
            services.AddSingleton(new TableServiceClient(
                $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={AzuriteServer.AccountKey};TableEndpoint=http://127.0.0.1:{ClosedPort()}/{AzuriteServer.AccountName};"));
        });
        var request = worker.Request("GET", "/api/clients/cl0123456789abcdef", TestTokens.For("u1", Roles.Manager));

        await worker.Create<ContactsFunctions>().ClientsGet(request);

        var response = request.HttpContext.Response;
        Assert.Equal(503, response.StatusCode);
        Assert.Equal("5", response.Headers.RetryAfter.ToString());
        Assert.Equal("Хранилище данных недоступно", (string?)WorkerTestHost.Json(request)["title"]);
        Assert.Equal("storage_unavailable", (string?)WorkerTestHost.Json(request)["code"]);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
