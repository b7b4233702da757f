using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using OfficeFlow.Cli;
using OfficeFlow.Cli.Hosting;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Hosting;

/// <summary>
/// The whole deployable folder, as the Functions host would use it: emit-functions with the publish
/// step, then the published executable named in host.json started with FUNCTIONS_CUSTOMHANDLER_PORT.
/// Slow (a dotnet publish), so one test does it all.
/// </summary>
public sealed class PublishedHandlerTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "officeflow-publish-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Fact]
    public async Task EmitFunctions_WithPublish_WritesAHandlerThatServesTheHostProtocolOnLoopback()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(["emit-functions", "--out", _out], stdout, stderr);
        Assert.True(exit == 0, stdout + "\n" + stderr);

        var executable = Path.Combine(_out, EmitFunctionsCommand.HandlerAssemblyName);
        Assert.True(File.Exists(executable), $"{executable} (host.json's defaultExecutablePath) was not published.");

        var port = FreePort();
        var start = new ProcessStartInfo(executable) { WorkingDirectory = _out, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "";
        // Nothing listens on port 1: the handler must still start and say storage is unavailable.
        start.Environment["Storage__ConnectionString"] =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";
        start.Environment["Hosting__HealthStorageTimeoutSeconds"] = "1";
        // Under the host development tokens are refused: Entra ID settings of a tenant nobody signs in to let it start.
        foreach (var (key, value) in TestTokens.HostedSettings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };
            var health = await WaitForAsync(() => http.GetAsync("/api/health"), process, output);
            var report = await health.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("custom-handler", report.GetProperty("mode").GetString());
            Assert.Equal("unavailable", report.GetProperty("storage").GetString());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);

            var timer = await http.PostAsync("/NoSuchTimer", new StringContent("""{"Data":{"timer":{"IsPastDue":false}},"Metadata":{}}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.NotFound, timer.StatusCode);
            Assert.Equal("application/problem+json", timer.Content.Headers.ContentType?.MediaType);

            lock (output)
            {
                // Outside Development the log is one JSON object per line.
                Assert.Contains("{\"EventId\"", output.ToString());
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<HttpResponseMessage> WaitForAsync(Func<Task<HttpResponseMessage>> request, Process process, StringBuilder output)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                return await request();
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(250);
            }
            catch (HttpRequestException e)
            {
                lock (output)
                {
                    throw new InvalidOperationException($"The published handler did not answer (exited: {process.HasExited}). Its output:\n{output}", e);
                }
            }
        }
    }
}
