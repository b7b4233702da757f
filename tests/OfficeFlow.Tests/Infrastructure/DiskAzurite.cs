using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OfficeFlow.Tests.Infrastructure;

/// <summary>
/// An Azurite table service of one test's own, saving to a folder on disk (not the shared in-memory one), that the
/// test can stop gracefully and start again on the same folder and port: a storage outage on loopback.
/// </summary>
public sealed class DiskAzurite : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("officeflow-azurite-disk-").FullName;
    private Process? _process;

    public DiskAzurite()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Start();
    }

    public int Port { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={AzuriteServer.AccountKey};TableEndpoint=http://127.0.0.1:{Port}/{AzuriteServer.AccountName};";

    /// <summary>Starts Azurite on the folder and waits until it answers.</summary>
    public void Start()
    {
        var startInfo = new ProcessStartInfo(AzuriteServer.AzuriteExecutable(AzuriteServer.RepositoryRoot()))
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--location", _folder, "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--disableTelemetry" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        _process = Process.Start(startInfo) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} (port {Port} taken?).");
            }

            try
            {
                using var _ = http.GetAsync($"http://127.0.0.1:{Port}/{AzuriteServer.AccountName}/Tables").GetAwaiter().GetResult();
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            Thread.Sleep(100);
        }

        throw new InvalidOperationException($"Azurite did not answer on port {Port} within 30 s.");
    }

    /// <summary>Stops Azurite as Ctrl+C would (SIGINT, so it saves its data), waiting until it has exited.</summary>
    public void StopGracefully()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!_process.WaitForExit(TimeSpan.FromSeconds(20)))
        {
            throw new InvalidOperationException("Azurite did not exit within 20 s of SIGINT.");
        }
    }

    public void Dispose()
    {
        try
        {
            if (_process is { HasExited: false })
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
