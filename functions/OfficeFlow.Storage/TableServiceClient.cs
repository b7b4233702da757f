using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using OfficeFlow.Storage.Internal;

namespace OfficeFlow.Storage;

/// <summary>
/// Entry point to one storage account's Table service. Construct from a connection string
/// (<c>UseDevelopmentStorage=true</c>, explicit Azurite endpoints, account key) or from an
/// endpoint and a <see cref="TokenCredential"/> (managed identity in Azure).
/// </summary>
public class TableServiceClient
{
    /// <summary>The Entra ID scope for Azure Storage data-plane access.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    private readonly HttpPipeline _pipeline = null!;
    private readonly Uri _uri = null!;

    protected TableServiceClient() { }

    public TableServiceClient(string connectionString, TableClientOptions? options = null)
    {
        var parsed = TableConnectionString.Parse(connectionString);
        options ??= new TableClientOptions();
        _uri = parsed.TableEndpoint;
        _pipeline = BuildPipeline(options, new SharedKeyLitePolicy(parsed.AccountName, parsed.AccountKey, options.TimeProvider));
    }

    public TableServiceClient(Uri endpoint, TokenCredential credential, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        if (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException("The table endpoint must be an absolute address, e.g. https://myaccount.table.core.windows.net.", nameof(endpoint));
        }

        _uri = endpoint;
        _pipeline = BuildPipeline(options, new BearerTokenAuthenticationPolicy(credential, StorageScope));
    }

    /// <summary>The account's table endpoint, e.g. http://127.0.0.1:10002/devstoreaccount1.</summary>
    public virtual Uri Uri => _uri;

    /// <summary>Lists the account's table names (GET /Tables), following continuation; also the health probe.</summary>
    public virtual IAsyncEnumerable<string> QueryTablesAsync(string? filter = null, CancellationToken cancellationToken = default) =>
        QueryTablePagesAsync(filter, cancellationToken);

    /// <summary>A client for one table; no request is made.</summary>
    public virtual TableClient GetTableClient(string tableName)
    {
        ValidateTableName(tableName);
        return new TableClient(_pipeline, _uri, tableName);
    }

    internal static void ValidateTableName(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        if (tableName.Length is < 3 or > 63 || !char.IsAsciiLetter(tableName[0]) || !tableName.All(char.IsAsciiLetterOrDigit)
            || string.Equals(tableName, "tables", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"'{tableName}' is not a valid table name: use 3 to 63 ASCII letters and digits, starting with a letter (and not 'Tables').",
                nameof(tableName));
        }
    }

    private async IAsyncEnumerable<string> QueryTablePagesAsync(string? filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? nextTableName = null;
        do
        {
            var query = new List<string>();
            if (!string.IsNullOrWhiteSpace(filter))
            {
                query.Add("$filter=" + Uri.EscapeDataString(filter));
            }

            if (nextTableName is not null)
            {
                query.Add("NextTableName=" + Uri.EscapeDataString(nextTableName));
            }

            var names = new List<string>();
            using (var message = _pipeline.CreateMessage())
            {
                message.Request.Method = RequestMethod.Get;
                message.Request.Uri.Reset(new Uri(_uri.AbsoluteUri.TrimEnd('/') + "/Tables" + (query.Count > 0 ? "?" + string.Join('&', query) : "")));
                await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
                var response = message.Response;
                if (response.Status != 200)
                {
                    throw TableErrors.Exception(response, "list tables");
                }

                using var json = JsonDocument.Parse(response.Content.ToMemory());
                foreach (var table in json.RootElement.GetProperty("value").EnumerateArray())
                {
                    names.Add(table.GetProperty("TableName").GetString()!);
                }

                nextTableName = response.Headers.TryGetValue("x-ms-continuation-NextTableName", out var next) ? next : null;
            }

            foreach (var name in names)
            {
                yield return name;
            }
        }
        while (nextTableName is not null);
    }

    private static HttpPipeline BuildPipeline(TableClientOptions? options, HttpPipelinePolicy authentication) =>
        HttpPipelineBuilder.Build(
            options ?? new TableClientOptions(),
            perCallPolicies: [new TableHeadersPolicy()],
            perRetryPolicies: [authentication],
            responseClassifier: new ResponseClassifier());
}
