using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Hosting;

namespace OfficeFlow.Benchmarks.Contacts;

/// <summary>
/// The real app (Kestrel on 127.0.0.1, a free port) against a benchmark's Azurite, tables prefixed "bench", with an
/// HttpClient that carries a development-mode manager token: what the contacts benchmarks measure through.
/// </summary>
internal sealed class BenchmarkApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchmarkApp(WebApplication app, HttpClient http)
    {
        _app = app;
        Http = http;
    }

    public HttpClient Http { get; }

    public static async Task<BenchmarkApp> StartAsync(AzuriteProcess azurite, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var configuration = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = "bench",
            ["Auth:Mode"] = "Development",
            ["Auth:DevSigningKey"] = Convert.ToBase64String(key),
            ["Auth:AllowDevelopmentMode"] = "true",
            // The benchmark's one user writes thousands of times a minute; the per-user limit (120) would answer 429.
            ["RateLimits:WritesPerMinute"] = "100000",
        };
        var app = OfficeFlowApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Error);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            DevTokenIssuer.Issue(key, new DevTokenRequest("bench-manager", [Roles.Manager], "Benchmark", TimeSpan.FromHours(2))));
        return new BenchmarkApp(app, http);
    }

    public string Address => Http.BaseAddress!.ToString();

    /// <summary>A positive integer option ("--requests 600"), or the fallback.</summary>
    public static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
