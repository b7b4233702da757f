using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using OfficeFlow.Storage.Internal;

namespace OfficeFlow.Storage;

/// <summary>
/// Operations on one table, shaped like Azure.Data.Tables.TableClient so it can be swapped for
/// the official client in one place. Every method checks its arguments first and takes a
/// <see cref="CancellationToken"/>. Unexpected service failures throw <see cref="RequestFailedException"/>;
/// the expected ones (409, 412, 404) come back as <see cref="TableWriteStatus"/> values or null.
/// </summary>
public class TableClient
{
    private readonly HttpPipeline _pipeline = null!;
    private readonly Uri _accountUri = null!;
    private readonly string _name = null!;

    protected TableClient() { }

    internal TableClient(HttpPipeline pipeline, Uri accountUri, string name)
    {
        _pipeline = pipeline;
        _accountUri = accountUri;
        _name = name;
    }

    public virtual string Name => _name;

    /// <summary>Creates the table unless it exists already.</summary>
    public virtual async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = _name });
        using var response = await SendAsync(RequestMethod.Post, Address("Tables"), body, null, cancellationToken).ConfigureAwait(false);
        if (response.Status is 201 or 204 or 409)
        {
            return;
        }

        throw TableErrors.Exception(response, $"create table '{_name}'");
    }

    /// <summary>Deletes the table; a missing table is not an error.</summary>
    public virtual async Task DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(RequestMethod.Delete, Address($"Tables('{_name}')"), null, null, cancellationToken).ConfigureAwait(false);
        if (response.Status is 204 or 404)
        {
            return;
        }

        throw TableErrors.Exception(response, $"delete table '{_name}'");
    }

    /// <summary>Inserts; an existing entity with the same keys gives <see cref="TableWriteStatus.AlreadyExists"/>.</summary>
    public virtual async Task<TableWriteResult> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        ValidateEntity(entity);
        var body = EntitySerializer.Serialize(entity);
        using var response = await SendAsync(RequestMethod.Post, Address(_name), body, PreferNoContent, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            201 or 204 => Written(entity, response),
            409 => new TableWriteResult(TableWriteStatus.AlreadyExists, default),
            _ => throw TableErrors.Exception(response, $"add an entity to '{_name}'"),
        };
    }

    /// <summary>Inserts or merges/replaces unconditionally.</summary>
    public virtual async Task<TableWriteResult> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        ValidateEntity(entity);
        var body = EntitySerializer.Serialize(entity);
        using var response = await SendAsync(MethodFor(mode), EntityAddress(entity.PartitionKey, entity.RowKey), body, null, cancellationToken).ConfigureAwait(false);
        return response.Status is 204 or 200
            ? Written(entity, response)
            : throw TableErrors.Exception(response, $"upsert an entity in '{_name}'");
    }

    /// <summary>Updates only when the stored ETag equals <paramref name="ifMatch"/> (use <see cref="ETag.All"/> for any):
    /// a mismatch gives <see cref="TableWriteStatus.Conflict"/>, a missing entity <see cref="TableWriteStatus.NotFound"/>.</summary>
    public virtual async Task<TableWriteResult> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        ValidateEntity(entity);
        if (ifMatch == default)
        {
            throw new ArgumentException(
                "Update needs the ETag the entity was read with (or ETag.All to overwrite whatever is stored); an empty ETag is ambiguous.",
                nameof(ifMatch));
        }

        var body = EntitySerializer.Serialize(entity);
        using var response = await SendAsync(
            MethodFor(mode), EntityAddress(entity.PartitionKey, entity.RowKey), body,
            request => request.Headers.SetValue(HttpHeader.Names.IfMatch, ifMatch.ToString("H")), cancellationToken).ConfigureAwait(false);
        return Conditional(response, "update an entity") is { } outcome ? outcome : Written(entity, response);
    }

    /// <summary>Reads one entity, or null when there is none.</summary>
    public virtual async Task<T?> GetEntityIfExistsAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        TableKeys.Validate(partitionKey, rowKey);
        var query = SelectQuery(select);
        using var response = await SendAsync(RequestMethod.Get, EntityAddress(partitionKey, rowKey, query), null, null, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404 && !TableErrors.IsTableNotFound(response))
        {
            return null;
        }

        if (response.Status != 200)
        {
            throw TableErrors.Exception(response, $"read an entity from '{_name}'");
        }

        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var entity = EntitySerializer.Read<T>(json.RootElement);
        if (entity.ETag == default && response.Headers.ETag is { } etag)
        {
            entity.ETag = etag;
        }

        return entity;
    }

    /// <summary>Streams every matching entity, following continuation tokens page by page.
    /// Build <paramref name="filter"/> with <see cref="CreateQueryFilter(FormattableString)"/>.</summary>
    public virtual IAsyncEnumerable<T> QueryAsync<T>(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        if (maxPerPage is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, "maxPerPage must be between 1 and 1000 (the service's page limit).");
        }

        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(filter))
        {
            query.Add("$filter=" + Uri.EscapeDataString(filter));
        }

        if (maxPerPage is { } top)
        {
            query.Add("$top=" + top.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (SelectQuery(select) is { } selectQuery)
        {
            query.Add(selectQuery);
        }

        return QueryPagesAsync<T>(query, cancellationToken);
    }

    private async IAsyncEnumerable<T> QueryPagesAsync<T>(List<string> query, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        string? nextPartitionKey = null;
        string? nextRowKey = null;
        do
        {
            var pageQuery = new List<string>(query);
            if (nextPartitionKey is not null)
            {
                pageQuery.Add("NextPartitionKey=" + Uri.EscapeDataString(nextPartitionKey));
                if (nextRowKey is not null)
                {
                    pageQuery.Add("NextRowKey=" + Uri.EscapeDataString(nextRowKey));
                }
            }

            List<T> page;
            using (var response = await SendAsync(RequestMethod.Get, Address(_name + "()", string.Join('&', pageQuery)), null, null, cancellationToken).ConfigureAwait(false))
            {
                if (response.Status != 200)
                {
                    throw TableErrors.Exception(response, $"query '{_name}'");
                }

                page = ReadPage<T>(response);
                nextPartitionKey = response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var npk) ? npk : null;
                nextRowKey = response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nrk) ? nrk : null;
            }

            foreach (var entity in page)
            {
                yield return entity;
            }
        }
        while (nextPartitionKey is not null);
    }

    private static List<T> ReadPage<T>(Response response)
        where T : class, ITableEntity, new()
    {
        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var page = new List<T>();
        foreach (var item in json.RootElement.GetProperty("value").EnumerateArray())
        {
            page.Add(EntitySerializer.Read<T>(item));
        }

        return page;
    }

    /// <summary>Deletes when the ETag matches (default: any). A missing entity gives <see cref="TableWriteStatus.NotFound"/>.</summary>
    public virtual async Task<TableWriteResult> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        TableKeys.Validate(partitionKey, rowKey);
        var etag = ifMatch == default ? "*" : ifMatch.ToString("H");
        using var response = await SendAsync(
            RequestMethod.Delete, EntityAddress(partitionKey, rowKey), null,
            request => request.Headers.SetValue(HttpHeader.Names.IfMatch, etag), cancellationToken).ConfigureAwait(false);
        return Conditional(response, "delete an entity") ?? new TableWriteResult(TableWriteStatus.Ok, default);
    }

    /// <summary>Entity-group transaction: up to 100 actions in one partition, all or nothing.
    /// On failure throws <see cref="TableTransactionFailedException"/> naming the failing action's index.</summary>
    public virtual async Task<IReadOnlyList<TableWriteResult>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        var list = TransactionBatch.Validate(actions);
        var batchBoundary = "batch_" + Guid.NewGuid().ToString("N");
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("N");
        var body = TransactionBatch.Build(batchBoundary, changesetBoundary, list, e => EntityAddress(e.PartitionKey, e.RowKey), Address(_name));
        using var response = await SendAsync(
            RequestMethod.Post, Address("$batch"), body,
            request => request.Headers.SetValue(HttpHeader.Names.ContentType, "multipart/mixed; boundary=" + batchBoundary),
            cancellationToken).ConfigureAwait(false);

        if (response.Status != 202)
        {
            var (code, message) = TableErrors.Parse(response);
            throw new TableTransactionFailedException(response.Status, code, TransactionBatch.FailedIndex(message),
                $"Table Storage refused the transaction on '{_name}': {response.Status} {code} {message?.Split('\n')[0]}".TrimEnd());
        }

        var parts = TransactionBatch.ParseResponse(response.Content.ToString());
        var failed = parts.FirstOrDefault(p => p.Status >= 300);
        if (failed is not null || parts.Count != list.Count)
        {
            throw Failed(failed, list);
        }

        var results = new TableWriteResult[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            var etag = parts[i].ETag is { } text ? new ETag(text) : default;
            results[i] = new TableWriteResult(TableWriteStatus.Ok, etag);
            if (list[i].ActionType != TableTransactionActionType.Delete && etag != default)
            {
                list[i].Entity.ETag = etag;
            }
        }

        return results;
    }

    private TableTransactionFailedException Failed(TransactionBatch.Part? failed, IReadOnlyList<TableTransactionAction> actions)
    {
        if (failed is null)
        {
            return new TableTransactionFailedException(500, null, null,
                $"The transaction on '{_name}' got an answer that could not be matched to its {actions.Count} actions.");
        }

        var (code, message) = TableErrors.ParseBody(failed.Body);
        var index = TransactionBatch.FailedIndex(message);
        var reason = message is null ? code : message[(message.IndexOf(':') + 1)..].Split('\n')[0].Trim();
        var what = index is { } i && i < actions.Count
            ? $"action {i} ({actions[i].ActionType} of '{actions[i].Entity.PartitionKey}'/'{actions[i].Entity.RowKey}')"
            : "an action";
        return new TableTransactionFailedException(failed.Status, code, index,
            $"The transaction on '{_name}' was rejected at {what}: {failed.Status} {reason}. Nothing of it was written.");
    }

    /// <summary>Builds an OData filter with every interpolated value escaped and typed:
    /// <c>CreateQueryFilter($"PartitionKey eq {month} and Amount gt {100L}")</c>. User input is never concatenated raw.</summary>
    public static string CreateQueryFilter(FormattableString filter) => QueryFilterFormatter.Format(filter);

    private static void ValidateEntity(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        TableKeys.Validate(entity.PartitionKey, entity.RowKey);
    }

    private static RequestMethod MethodFor(TableUpdateMode mode) => mode switch
    {
        TableUpdateMode.Merge => Merge,
        TableUpdateMode.Replace => RequestMethod.Put,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Use TableUpdateMode.Merge or Replace."),
    };

    private static readonly RequestMethod Merge = new("MERGE");

    private static void PreferNoContent(Request request) => request.Headers.SetValue("Prefer", "return-no-content");

    private static TableWriteResult Written(ITableEntity entity, Response response)
    {
        var etag = response.Headers.ETag ?? default;
        entity.ETag = etag;
        return new TableWriteResult(TableWriteStatus.Ok, etag);
    }

    /// <summary>The expected outcomes of a conditional write, or null when it succeeded.</summary>
    private TableWriteResult? Conditional(Response response, string operation) => response.Status switch
    {
        204 or 200 => null,
        412 => new TableWriteResult(TableWriteStatus.Conflict, default),
        404 when !TableErrors.IsTableNotFound(response) => new TableWriteResult(TableWriteStatus.NotFound, default),
        _ => throw TableErrors.Exception(response, $"{operation} in '{_name}'"),
    };

    private static string? SelectQuery(IEnumerable<string>? select)
    {
        var names = select?.ToList();
        if (names is null || names.Count == 0)
        {
            return null;
        }

        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new ArgumentException($"'{name}' is not a property name; $select takes names made of letters, digits and '_'.", nameof(select));
            }
        }

        return "$select=" + string.Join(',', names);
    }

    private Uri Address(string path, string? query = null)
    {
        var builder = new StringBuilder(_accountUri.AbsoluteUri.TrimEnd('/')).Append('/').Append(path);
        if (!string.IsNullOrEmpty(query))
        {
            builder.Append('?').Append(query);
        }

        return new Uri(builder.ToString());
    }

    /// <summary>Keys go into the URL with quotes doubled (OData) and then percent-encoded.</summary>
    private Uri EntityAddress(string partitionKey, string rowKey, string? query = null) =>
        Address($"{_name}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')", query);

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    private async Task<Response> SendAsync(RequestMethod method, Uri uri, byte[]? body, Action<Request>? configure, CancellationToken cancellationToken)
    {
        using var request = _pipeline.CreateRequest();
        request.Method = method;
        request.Uri.Reset(uri);
        if (body is not null)
        {
            request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
            request.Content = RequestContent.Create(body);
        }

        configure?.Invoke(request);
        return await _pipeline.SendRequestAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
