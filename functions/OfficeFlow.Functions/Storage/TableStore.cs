using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace OfficeFlow.Functions.Storage;

/// <summary>
/// Hands out the app's tables by logical name ("Clients", "Ledger"), creating each once per process.
/// <c>Storage:TablePrefix</c> is put in front of every name so that test runs (and, if wanted,
/// environments sharing an account) never see each other's data.
/// </summary>
public class TableStore
{
    private readonly TableServiceClient _service;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public TableStore(TableServiceClient service, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (!string.IsNullOrEmpty(prefix) && !prefix.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"Storage:TablePrefix '{prefix}' may hold only ASCII letters and digits.", nameof(prefix));
        }

        _service = service;
        _prefix = prefix ?? "";
    }

    public TableServiceClient Service => _service;

    /// <summary>The table for a logical name, created if it does not exist yet.</summary>
    public virtual async Task<TableClient> GetTableAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var lazy = _tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(n)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (lazy.Value.IsFaulted)
        {
            // A failed creation (storage down) must not be cached for the life of the process.
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(name, lazy));
            throw;
        }
    }

    private async Task<TableClient> CreateAsync(string name)
    {
        var table = _service.GetTableClient(_prefix + name);
        await table.CreateIfNotExistsAsync().ConfigureAwait(false);
        return table;
    }
}
