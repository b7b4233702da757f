using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OfficeFlow.Tests.Infrastructure;

/// <summary>
/// One Azurite table service per test process, on a free loopback port, shared by every test class
/// (each works in its own tables, see <see cref="AzuriteFixture.NewTablePrefix"/>). Started on first
/// use, stopped when the last fixture using it is disposed and, in any case, when the process exits.
/// Azurite runs under a small shell watchdog that ends it if the test process dies without cleaning up.
/// </summary>
internal sealed class AzuriteServer : IDisposable
{
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lock Gate = new();
    private static AzuriteServer? _current;
    private static int _users;
    private static bool _exitHookInstalled;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private readonly string _workspace;

    private AzuriteServer(Process process, int port, string workspace)
    {
        _process = process;
        Port = port;
        _workspace = workspace;
    }

    public int Port { get; }

    public Uri TableEndpoint => new($"http://127.0.0.1:{Port}/{AccountName}");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint={TableEndpoint};";

    /// <summary>The last lines Azurite printed, for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts Azurite if nobody uses it yet and counts one more user.</summary>
    public static AzuriteServer Acquire()
    {
        lock (Gate)
        {
            if (!_exitHookInstalled)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => StopCurrent();
                _exitHookInstalled = true;
            }

            _current ??= StartWithRetries();
            _users++;
            return _current;
        }
    }

    /// <summary>One user fewer; the last one stops Azurite.</summary>
    public static void Release()
    {
        lock (Gate)
        {
            if (_users > 0 && --_users == 0)
            {
                StopCurrent();
            }
        }
    }

    private static void StopCurrent()
    {
        lock (Gate)
        {
            _current?.Dispose();
            _current = null;
            _users = 0;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_workspace, recursive: true);
        }
        catch (IOException)
        {
            // A leftover empty temp folder is harmless.
        }
    }

    private static AzuriteServer StartWithRetries()
    {
        // A free port can be taken by someone else between probing and Azurite binding it: try again.
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                return Start(FreePort());
            }
            catch (AzuriteStartException e)
            {
                last = e;
            }
        }

        throw last!;
    }

    private static AzuriteServer Start(int port)
    {
        var azurite = AzuriteExecutable(RepositoryRoot());

        var workspace = Directory.CreateTempSubdirectory("officeflow-azurite-").FullName;
        var arguments = $"--tableHost 127.0.0.1 --tablePort {port} --inMemoryPersistence --skipApiVersionCheck --loose " +
                        $"--disableProductStyleUrl --disableTelemetry";
        // The watchdog loop ends Azurite when this test process is gone (even after a hard kill).
        var script = $"'{azurite}' {arguments} & child=$!; trap 'kill $child 2>/dev/null' EXIT TERM INT; " +
                     $"while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done";
        var startInfo = new ProcessStartInfo("/bin/bash")
        {
            // In-memory persistence writes nothing, but anything Azurite does create lands in a temp folder.
            WorkingDirectory = workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(script);

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start Azurite (bash did not start).");
        var server = new AzuriteServer(process, port, workspace);
        process.OutputDataReceived += (_, e) => server.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => server.Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            server.WaitUntilAnswering(TimeSpan.FromSeconds(30));
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }
    }

    private void WaitUntilAnswering(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new AzuriteStartException($"Azurite exited with code {_process.ExitCode} before answering on port {Port}. Its output:{Environment.NewLine}{Output}");
            }

            try
            {
                // Any HTTP answer (a 403 for the unsigned request) means the table service is up.
                using var response = http.GetAsync(new Uri($"{TableEndpoint}/Tables")).GetAwaiter().GetResult();
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

        throw new AzuriteStartException($"Azurite did not answer on port {Port} within {timeout.TotalSeconds:0} s. Its output:{Environment.NewLine}{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The azurite-table launcher npm installs, or a message saying how to install it.</summary>
    public static string AzuriteExecutable(string repositoryRoot)
    {
        var azurite = Path.Combine(repositoryRoot, "node_modules", ".bin", "azurite-table");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed: run `npm ci` at the repository root (./test.sh does this). Looked for {azurite}.");
        }

        return azurite;
    }

    /// <summary>The folder holding OfficeFlow.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OfficeFlow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"OfficeFlow.sln was not found above {AppContext.BaseDirectory}.");
    }

    private sealed class AzuriteStartException(string message) : Exception(message);
}
