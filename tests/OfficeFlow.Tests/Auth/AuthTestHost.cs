using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OfficeFlow.Functions.Auth;

namespace OfficeFlow.Tests.Auth;

/// <summary>
/// The real authentication pipeline (AuthModule on ASP.NET Core's TestServer) with /api/me, one endpoint per
/// role and one anonymous endpoint, so role rules are tested without any capability's endpoints.
/// </summary>
internal sealed class AuthTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AuthTestHost(WebApplication app) => _app = app;

    public HttpClient Client { get; private set; } = null!;

    public static async Task<AuthTestHost> StartAsync(IReadOnlyDictionary<string, string?> settings, string environment = "Development")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddOfficeFlowAuth(builder.Configuration);

        var app = builder.Build();
        app.UseOfficeFlowAuth();
        var api = app.MapGroup("/api");
        api.MapAuthApi();
        foreach (var role in Roles.All)
        {
            api.MapGet($"/test/{role}", () => $"ok {role}").RequireAuthorization(role);
        }

        api.MapGet("/test/anonymous", () => "ok anonymous").AllowAnonymous();
        api.MapGet("/test/unmarked", () => "ok unmarked");

        var host = new AuthTestHost(app);
        await app.StartAsync();
        host.Client = app.GetTestClient();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
