using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Tests.Infrastructure;

/// <summary>
/// Gives a test class the shared Azurite table service (one per test process, see <see cref="AzuriteServer"/>).
/// Use it as a class fixture (<c>IClassFixture&lt;AzuriteFixture&gt;</c>) so classes run in parallel, or
/// through the "Azurite" collection. Each class should work in tables named with <see cref="NewTablePrefix"/>.
/// </summary>
public sealed class AzuriteFixture : IDisposable
{
    private readonly AzuriteServer _server = AzuriteServer.Acquire();
    private int _disposed;

    /// <summary>Explicit endpoint connection string: DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=…;TableEndpoint=http://127.0.0.1:port/devstoreaccount1;</summary>
    public string ConnectionString => _server.ConnectionString;

    /// <summary>The table endpoint, e.g. http://127.0.0.1:54321/devstoreaccount1.</summary>
    public Uri TableEndpoint => _server.TableEndpoint;

    /// <summary>What Azurite printed last, to add to a failure message.</summary>
    public string Output => _server.Output;

    /// <summary>A client with the app's own options (bounded retries and timeouts, the limits guard) unless the test gives others.</summary>
    public TableServiceClient CreateServiceClient(TableClientOptions? options = null) => new(ConnectionString, options ?? StorageModule.CreateClientOptions());

    /// <summary>A unique prefix of letters and digits (starts with a letter), for Storage:TablePrefix or table names.</summary>
    public static string NewTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A fresh, created table with a unique name.</summary>
    public async Task<TableClient> CreateTableAsync(string name = "Test", CancellationToken cancellationToken = default)
    {
        var table = CreateServiceClient().GetTableClient(NewTablePrefix() + name);
        await table.CreateIfNotExistsAsync(cancellationToken);
        return table;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            AzuriteServer.Release();
        }
    }
}

/// <summary>For test classes that prefer a collection: <c>[Collection("Azurite")]</c> (they then run one after another).</summary>
[CollectionDefinition("Azurite")]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
