using System.Net;
using System.Net.Sockets;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Storage;

/// <summary>
/// A "storage" on a loopback port that accepts every connection, reads and discards what arrives, and never answers:
/// the hung service a TCP connect timeout cannot catch. Disposing it stops accepting and closes every connection.
/// </summary>
public sealed class SilentStorage : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _connections = [];
    private readonly List<Task> _readers = [];
    private readonly Lock _lock = new();
    private readonly Task _accepting;

    public SilentStorage()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>How many connections the app opened to it.</summary>
    public int Connections
    {
        get
        {
            lock (_lock)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>The Azurite-style connection string of an account at this endpoint.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={AzuriteServer.AccountKey};TableEndpoint=http://127.0.0.1:{Port}/{AzuriteServer.AccountName};";

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            lock (_lock)
            {
                _connections.Add(connection);
                _readers.Add(DiscardAsync(connection));
            }
        }
    }

    private async Task DiscardAsync(TcpClient connection)
    {
        var buffer = new byte[8192];
        try
        {
            var stream = connection.GetStream();
            while (await stream.ReadAsync(buffer, _stop.Token) > 0)
            {
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            // The app gave up on the connection, or the test is over.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] readers;
        lock (_lock)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }

            readers = [.. _readers];
        }

        await Task.WhenAll(readers);
        _stop.Dispose();
    }
}
