using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NSubstitute;
using OfficeFlow.Tests.Infrastructure;
using OfficeFlow.Worker.Hosting;

namespace OfficeFlow.Tests.Worker;

/// <summary>
/// The worker's services (WorkerHost.AddOfficeFlowWorker) in a plain generic host, no Functions host: tests construct
/// the function classes from it and call them with a <see cref="DefaultHttpContext"/> request or a <see cref="TimerInfo"/>
/// and a substituted <see cref="FunctionContext"/>. Table Storage is the shared Azurite, under a table prefix of its own;
/// tokens are the test tokens (Development mode); Graph is in local mode under a temporary folder.
/// </summary>
public sealed class WorkerTestHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _dataFolder;

    private WorkerTestHost(IHost host, string dataFolder)
    {
        _host = host;
        _dataFolder = dataFolder;
    }

    public IServiceProvider Services => _host.Services;

    public static async Task<WorkerTestHost> StartAsync(AzuriteFixture azurite, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        var dataFolder = Path.Combine(Path.GetTempPath(), "officeflow-worker-" + Guid.NewGuid().ToString("N"));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(TestTokens.Settings)
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = AzuriteFixture.NewTablePrefix(),
            ["Local:DataFolder"] = dataFolder,
        });
        builder.Services.AddOfficeFlowWorker(builder.Configuration);
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new WorkerTestHost(host, dataFolder);
    }

    public T Create<T>() where T : class => ActivatorUtilities.CreateInstance<T>(_host.Services);

    /// <summary>A request as the worker's ASP.NET Core integration hands it to a function: path under /api, services of the invocation.</summary>
    public HttpRequest Request(string method, string path, string? token = null, object? json = null)
    {
        var context = new DefaultHttpContext { RequestServices = _host.Services.CreateScope().ServiceProvider };
        var query = path.IndexOf('?');
        context.Request.Method = method;
        context.Request.Path = query < 0 ? path : path[..query];
        context.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("officeflow.azurewebsites.net");
        if (token is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + token;
        }

        if (json is not null)
        {
            var body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(json));
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = body.Length;
            context.Request.Body = new MemoryStream(body);
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    public static FunctionContext FunctionContext()
    {
        var context = Substitute.For<FunctionContext>();
        context.CancellationToken.Returns(CancellationToken.None);
        return context;
    }

    public static string Body(HttpRequest request)
    {
        var body = (MemoryStream)request.HttpContext.Response.Body;
        return Encoding.UTF8.GetString(body.ToArray());
    }

    public static JsonNode Json(HttpRequest request) => JsonNode.Parse(Body(request))!;

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }
}
