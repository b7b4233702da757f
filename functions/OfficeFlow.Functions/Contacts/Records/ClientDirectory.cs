using Azure;
using OfficeFlow.Functions.Contacts.Matching;
using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Contacts.Records;

/// <summary>What <see cref="ClientDirectory.AddClientAsync"/> did: the client as stored, whether this call created it, and
/// the client its INN's index row names (another client's id when someone else claimed the INN first).</summary>
public sealed record ClientAdded(ClientEntity Client, bool Created, string? InnOwner);

/// <summary>One line of a client search; <see cref="Contact"/> when a contact's name or phone matched (null: the client's own name, INN, domain or e-mail).</summary>
public sealed record ClientSearchHit(string Id, string Name, string? Inn, IReadOnlyList<string> Domains, string MatchedToken, SearchHitContact? Contact = null);

/// <summary>The contact a search matched, of the hit's client.</summary>
public sealed record SearchHitContact(string Id, string Name);

/// <summary>
/// The client aggregate's storage boundary: clients and the ClientIndex table: the exact look-ups the matching rules use
/// (domain, INN, contact e-mail), prefix search, and keeping the search rows in step with a client's name, INN, domains
/// and contacts. The client row's guarded writes, its contacts and interactions are in <c>ClientDirectory.Rows.cs</c>.
/// Capability code (editing, merging, the card) goes through here and never touches a table.
/// </summary>
public sealed partial class ClientDirectory(ContactsTables tables, IndexCache cache, ContentionRetry retry) : IClientLookup
{
    private const int MaxMergeHops = 5;

    public Task<string?> FindClientIdByDomainAsync(string domain, CancellationToken cancellationToken) =>
        FindAsync(IndexEntity.DomainPartition, domain.ToLowerInvariant(), cancellationToken);

    public Task<string?> FindClientIdByInnAsync(string inn, CancellationToken cancellationToken) =>
        FindAsync(IndexEntity.InnPartition, inn, cancellationToken);

    public async Task<string?> FindClientIdByContactEmailAsync(string address, CancellationToken cancellationToken)
    {
        var entry = await GetEmailEntryAsync(address, cancellationToken).ConfigureAwait(false);
        return entry is { ClientId.Length: > 0 } ? entry.ClientId : null;
    }

    /// <summary>The index row of a contact address: which contact, and which client (empty for none).</summary>
    public async Task<IndexEntity?> GetEmailEntryAsync(string address, CancellationToken cancellationToken)
    {
        var index = await tables.Index(cancellationToken).ConfigureAwait(false);
        return await index.FindAsync<IndexEntity>(IndexEntity.EmailPartition, MailAddress.Normalise(address), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One exact-match index row (domain, INN, e-mail) as stored; null when there is none.</summary>
    public async Task<IndexEntity?> FindIndexEntryAsync(string partition, string value, CancellationToken cancellationToken)
    {
        var index = await tables.Index(cancellationToken).ConfigureAwait(false);
        return await index.FindAsync<IndexEntity>(partition, value, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The client with this id, following merges to where it lives now; null when there is none.</summary>
    public async Task<ClientEntity?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var clients = await tables.Clients(cancellationToken).ConfigureAwait(false);
        for (var hop = 0; hop < MaxMergeHops && IsValidId(id); hop++)
        {
            var client = await clients.FindAsync<ClientEntity>(id, ClientEntity.Row, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (client is not { Status: ClientStatus.Merged, MergedInto: { } next })
            {
                return client;
            }

            id = next;
        }

        return null;
    }

    /// <summary>Adds the client unless a client with its id exists (a concurrent creator): returns the stored one and whether this call created it.</summary>
    public async Task<(ClientEntity Client, bool Created)> AddAsync(ClientEntity client, CancellationToken cancellationToken)
    {
        var added = await AddClientAsync(client, cancellationToken).ConfigureAwait(false);
        return (added.Client, added.Created);
    }

    /// <summary>As <see cref="AddAsync"/>, and says which client owns the new client's INN in the index (null: it has none, or it did not create).</summary>
    public async Task<ClientAdded> AddClientAsync(ClientEntity client, CancellationToken cancellationToken)
    {
        var clients = await tables.Clients(cancellationToken).ConfigureAwait(false);
        var result = await clients.TryAddAsync(client, cancellationToken).ConfigureAwait(false);
        if (result == TableWriteStatus.AlreadyExists)
        {
            var existing = await GetAsync(client.Id, cancellationToken).ConfigureAwait(false);
            return new ClientAdded(existing ?? client, false, null);
        }

        var innOwner = string.IsNullOrWhiteSpace(client.Inn) ? null
            : await ClaimIndexAsync(IndexEntity.InnPartition, client.Inn, client.Id, cancellationToken).ConfigureAwait(false);
        foreach (var domain in SearchTokens.SplitList(client.Domains))
        {
            await ClaimIndexAsync(IndexEntity.DomainPartition, domain, client.Id, cancellationToken).ConfigureAwait(false);
        }

        return new ClientAdded(client, true, innOwner);
    }

    /// <summary>Points an exact-match value (domain, INN) at a client unless another client owns it already; returns the owner.</summary>
    public async Task<string> ClaimIndexAsync(string partition, string? value, string clientId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return clientId;
        }

        var index = await tables.Index(cancellationToken).ConfigureAwait(false);
        var entry = new IndexEntity { PartitionKey = partition, RowKey = value.ToLowerInvariant(), ClientId = clientId };
        cache.Forget(partition, entry.RowKey);
        var result = await index.TryAddAsync(entry, cancellationToken).ConfigureAwait(false);
        if (result != TableWriteStatus.AlreadyExists)
        {
            return clientId;
        }

        var owner = await index.FindAsync<IndexEntity>(partition, entry.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return owner?.ClientId ?? clientId;
    }

    /// <summary>Points an exact-match value at a client, replacing whoever owned it (merges and edits).</summary>
    public async Task PointIndexAsync(string partition, string value, string clientId, string? contactId, CancellationToken cancellationToken)
    {
        var index = await tables.Index(cancellationToken).ConfigureAwait(false);
        cache.Forget(partition, value.ToLowerInvariant());
        await index.UpsertAsync(new IndexEntity { PartitionKey = partition, RowKey = value.ToLowerInvariant(), ClientId = clientId, ContactId = contactId }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes an exact-match value if it still points at this client.</summary>
    public async Task ReleaseIndexAsync(string partition, string value, string clientId, CancellationToken cancellationToken)
    {
        var index = await tables.Index(cancellationToken).ConfigureAwait(false);
        cache.Forget(partition, value.ToLowerInvariant());
        var entry = await index.FindAsync<IndexEntity>(partition, value.ToLowerInvariant(), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (entry is not null && entry.ClientId == clientId)
        {
            // A conflict may be ignored: the entry changed since it was read, i.e. someone pointed it at another client, and
            // then it is no longer this client's to release. NotFound: released already.
            await index.TryDeleteAsync(partition, entry.RowKey, entry.ETag, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Rewrites the client's search rows from its current name, INN, domains and contacts' addresses, removing stale ones.
    /// Without <paramref name="force"/> nothing is written when the tokens are the ones already indexed (the common case when mail is logged).</summary>
    public async Task ReindexAsync(ClientEntity client, CancellationToken cancellationToken, bool force = false)
    {
        var contacts = await tables.Contacts(cancellationToken).ConfigureAwait(false);
        var people = new List<ContactEntity>();
        await foreach (var contact in contacts.QueryAsync<ContactEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {client.Id}"), select: ["RowKey", "Name", "Emails", "Phones"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            people.Add(contact);
        }

        var entries = client.Status == ClientStatus.Merged ? [] : SearchTokens.ForClientAndContacts(client, people);
        var tokens = entries.Select(e => e.Stored).ToList();
        var joined = string.Join(' ', tokens);
        if (!force && joined == (client.SearchTokens ?? ""))
        {
            // Unchanged: not touching the client row also keeps its ETag, so a manager's open edit does not go stale because mail arrived.
            return;
        }

        var index = await tables.Index(cancellationToken).ConfigureAwait(false);
        foreach (var entry in entries)
        {
            await index.UpsertAsync(new IndexEntity
            {
                PartitionKey = SearchPartition(entry.Token),
                RowKey = SearchEntry.RowKeyOf(entry.Stored, client.Id),
                ClientId = client.Id,
                ClientName = client.Name,
                Inn = client.Inn,
                Domains = client.Domains,
                ContactId = entry.Contact?.RowKey,
                ContactName = entry.Contact?.Name,
            }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        foreach (var stale in (client.SearchTokens ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Except(tokens, StringComparer.Ordinal))
        {
            await index.TryDeleteAsync(SearchPartition(stale), SearchEntry.RowKeyOf(stale, client.Id), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var clients = await tables.Clients(cancellationToken).ConfigureAwait(false);
        var patch = new TableEntity(client.Id, ClientEntity.Row) { ["SearchTokens"] = joined };
        // NotFound may be ignored: the client row is gone (merged away and removed), so it has no search tokens to keep.
        var written = await clients.TryUpdateAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        client.SearchTokens = joined;
        // The row changed: the card handed out with this entity must carry the ETag a following edit will be checked against.
        if (written == TableWriteStatus.Ok)
        {
            client.ETag = patch.ETag;
        }
    }

    /// <summary>Clients whose name word, INN, domain or contact e-mail starts with the query's first word (and whose name
    /// holds the other words), and contacts whose name word or phone digits do (a phone written any way), at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<ClientSearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var words = SearchTokens.PhoneQuery(query) is { } phone ? [phone] : SearchTokens.Normalise(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return [];
        }

        var first = words[0];
        var upper = first[..^1] + (char)(first[^1] + 1);
        var index = await tables.Index(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SearchPartition(first)} and RowKey ge {first} and RowKey lt {upper}");
        var hits = new List<ClientSearchHit>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in index.QueryAsync<IndexEntity>(filter, maxPerPage: 200, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var contact = row.ContactId is { Length: > 0 } contactId ? new SearchHitContact(contactId, row.ContactName ?? "") : null;
            // The other words narrow by the name of what matched: the contact's for a contact's row, else the client's.
            var name = SearchTokens.Normalise(contact?.Name ?? row.ClientName ?? "");
            if (!seen.Add(row.ClientId + "|" + contact?.Id) || !words.Skip(1).All(w => name.Contains(w, StringComparison.Ordinal)))
            {
                continue;
            }

            hits.Add(new ClientSearchHit(row.ClientId, row.ClientName ?? "", row.Inn, SearchTokens.SplitList(row.Domains), SearchEntry.TokenOf(row.RowKey), contact));
            if (hits.Count >= limit)
            {
                break;
            }
        }

        return hits;
    }

    private static string SearchPartition(string token) => "s-" + token[0];

    private async Task<string?> FindAsync(string partition, string value, CancellationToken cancellationToken)
    {
        var index = await tables.Index(cancellationToken).ConfigureAwait(false);
        var entry = await index.FindAsync<IndexEntity>(partition, value, cancellationToken: cancellationToken).ConfigureAwait(false);
        return entry?.ClientId is { Length: > 0 } id ? id : null;
    }

    /// <summary>Ids come from URLs: only the shape OfficeFlow makes ("cl" + hex) is looked up.</summary>
    public static bool IsValidId(string? id) => id is { Length: > 2 and <= 64 } && id.StartsWith("cl", StringComparison.Ordinal) && id[2..].All(char.IsAsciiHexDigitLower);
}
