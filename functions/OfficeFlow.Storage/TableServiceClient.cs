using Azure.Core;

namespace OfficeFlow.Storage;

/// <summary>
/// Entry point to one storage account's Table service. Construct from a connection string
/// (<c>UseDevelopmentStorage=true</c>, explicit Azurite endpoints, account key) or from an
/// endpoint and a <see cref="TokenCredential"/> (managed identity in Azure).
/// </summary>
public class TableServiceClient
{
    public TableServiceClient(string connectionString, TableClientOptions? options = null)
        => throw new NotImplementedException("The Table client lands with the storage work of issue 2.");

    public TableServiceClient(Uri endpoint, TokenCredential credential, TableClientOptions? options = null)
        => throw new NotImplementedException("The Table client lands with the storage work of issue 2.");

    /// <summary>The account's table endpoint, e.g. http://127.0.0.1:10002/devstoreaccount1.</summary>
    public virtual Uri Uri => throw new NotImplementedException();

    /// <summary>Lists the account's table names (GET /Tables), following continuation; also the health probe.</summary>
    public virtual IAsyncEnumerable<string> QueryTablesAsync(string? filter = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>A client for one table; no request is made.</summary>
    public virtual TableClient GetTableClient(string tableName) => throw new NotImplementedException();
}
