using Azure;
using Azure.Data.Tables;
using OfficeFlow.Functions.Contacts.Cards.Heads;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Contacts.Records;

/// <summary>The client row's guarded writes and the rows that belong to a client (contacts, interactions), including
/// moving them when two clients are merged.</summary>
public sealed partial class ClientDirectory
{
    /// <summary>The client row with this id as stored (no merge is followed), with its ETag; null when there is none.</summary>
    public async Task<ClientEntity?> FindRowAsync(string id, CancellationToken cancellationToken)
    {
        var clients = await tables.Clients(cancellationToken).ConfigureAwait(false);
        return await clients.FindAsync<ClientEntity>(id, ClientEntity.Row, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the client row only if it is still the version read with <paramref name="ifMatch"/>; the new ETag goes on <paramref name="client"/>.</summary>
    public async Task<TableWriteStatus> TryReplaceAsync(ClientEntity client, ETag ifMatch, CancellationToken cancellationToken)
    {
        var clients = await tables.Clients(cancellationToken).ConfigureAwait(false);
        return await clients.TryUpdateAsync(client, ifMatch, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the client row whatever its version (a merge marking the source: the mark must land).</summary>
    public async Task ReplaceAsync(ClientEntity client, CancellationToken cancellationToken)
    {
        var clients = await tables.Clients(cancellationToken).ConfigureAwait(false);
        await clients.UpsertAsync(client, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the stored client and writes it guarded by the ETag it was read with; when someone
    /// saved the client in between, reads their version and applies the change again (the hot-row pipeline: a few seconds at most).
    /// <paramref name="change"/> returns false when there is nothing to write. Returns the client as stored, or null when there is none.
    /// </summary>
    public Task<ClientEntity?> ChangeAsync(string id, Func<ClientEntity, bool> change, CancellationToken cancellationToken) =>
        ContentionRetry.RunAsync(retry.HotRow, $"Changing client {id}", async () =>
        {
            var client = await FindRowAsync(id, cancellationToken).ConfigureAwait(false);
            if (client is null || !change(client))
            {
                return client;
            }

            return await TryReplaceAsync(client, client.ETag, cancellationToken).ConfigureAwait(false) switch
            {
                TableWriteStatus.Ok => client,
                TableWriteStatus.NotFound => null,
                _ => throw new WriteConflictException(),
            };
        }, cancellationToken);

    /// <summary>One contact row (a client's, or <see cref="ContactEntity.NoClient"/>'s); null when there is none.</summary>
    public async Task<ContactEntity?> FindContactAsync(string partition, string contactId, CancellationToken cancellationToken)
    {
        var contacts = await tables.Contacts(cancellationToken).ConfigureAwait(false);
        return await contacts.FindAsync<ContactEntity>(partition, contactId, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the contact's row as given (log-email plans the whole row from what it read and the message).</summary>
    public async Task SaveContactAsync(ContactEntity contact, CancellationToken cancellationToken)
    {
        var contacts = await tables.Contacts(cancellationToken).ConfigureAwait(false);
        await contacts.UpsertAsync(contact, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the row a contact moved away from. Unconditional: the contact lives in its new partition, so the old
    /// row is stale whatever it holds (NotFound: gone already).</summary>
    public async Task RemoveMovedContactRowAsync(string oldPartition, string contactId, CancellationToken cancellationToken)
    {
        var contacts = await tables.Contacts(cancellationToken).ConfigureAwait(false);
        await contacts.TryDeleteAsync(oldPartition, contactId, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes an interaction that has no card head (a contact without a company). Its key is fixed by the message,
    /// so a retry after a crash rewrites the same row rather than adding one.</summary>
    public async Task WriteInteractionWithoutClientAsync(InteractionEntity interaction, CancellationToken cancellationToken)
    {
        var table = await tables.Interactions(cancellationToken).ConfigureAwait(false);
        await table.UpsertAsync(interaction, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One interaction row; null when there is none.</summary>
    public async Task<InteractionEntity?> FindInteractionAsync(string partition, string rowKey, CancellationToken cancellationToken)
    {
        var table = await tables.Interactions(cancellationToken).ConfigureAwait(false);
        return await table.FindAsync<InteractionEntity>(partition, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A client's contacts (only their e-mails with <paramref name="emailsOnly"/>).</summary>
    public async Task<IReadOnlyList<ContactEntity>> ContactsOfAsync(string clientId, CancellationToken cancellationToken, bool emailsOnly = false)
    {
        var contacts = await tables.Contacts(cancellationToken).ConfigureAwait(false);
        var found = new List<ContactEntity>();
        await foreach (var contact in contacts.QueryAsync<ContactEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {clientId}"),
            select: emailsOnly ? ["Emails"] : null, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            found.Add(contact);
        }

        return found;
    }

    /// <summary>The newest interactions of a partition: row keys start with inverted ticks, so the first rows are the newest.</summary>
    public async Task<IReadOnlyList<InteractionEntity>> LatestInteractionsAsync(string partition, int count, CancellationToken cancellationToken)
    {
        var table = await tables.Interactions(cancellationToken).ConfigureAwait(false);
        var list = new List<InteractionEntity>();
        await foreach (var interaction in table.QueryAsync<InteractionEntity>(InteractionRows.OfPartition(partition), maxPerPage: count, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(interaction);
            if (list.Count == count)
            {
                break;
            }
        }

        return list;
    }

    /// <summary>Moves every contact of <paramref name="sourceId"/> to <paramref name="targetId"/> (merged with a same-id contact
    /// there), pointing their addresses at the target; returns how many were moved.</summary>
    public async Task<int> MoveContactsAsync(string sourceId, string targetId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var contacts = await tables.Contacts(cancellationToken).ConfigureAwait(false);
        var moved = 0;
        await foreach (var found in contacts.QueryAsync<ContactEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {sourceId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            for (var contact = found; contact is not null;)
            {
                contact = await MoveContactAsync(contacts, contact, targetId, now, cancellationToken).ConfigureAwait(false);
            }

            moved++;
        }

        return moved;
    }

    /// <summary>Copies one contact into the target and deletes it from the source, guarded by the ETag it was read with.
    /// Returns the source's newer version when the delete met a conflict (a message in flight changed the contact after
    /// it was read), so that version is copied too and nothing of it is lost; null when the contact is moved.</summary>
    private async Task<ContactEntity?> MoveContactAsync(TableClient contacts, ContactEntity contact, string targetId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sourceId = contact.PartitionKey;
        var existing = await contacts.FindAsync<ContactEntity>(targetId, contact.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        var copy = new ContactEntity
        {
            PartitionKey = targetId,
            RowKey = contact.RowKey,
            Name = existing?.Name ?? contact.Name,
            Position = existing?.Position ?? contact.Position,
            Emails = Union(existing?.Emails, contact.Emails),
            Phones = Union(existing?.Phones, contact.Phones),
            CreatedAt = existing is null || contact.CreatedAt < existing.CreatedAt ? contact.CreatedAt : existing.CreatedAt,
            UpdatedAt = now,
        };
        await contacts.UpsertAsync(copy, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        foreach (var email in SearchTokens.SplitList(contact.Emails))
        {
            await PointIndexAsync(IndexEntity.EmailPartition, email, targetId, contact.RowKey, cancellationToken).ConfigureAwait(false);
        }

        // NotFound: a concurrent merge of the same pair moved it already.
        return await contacts.TryDeleteAsync(sourceId, contact.RowKey, contact.ETag, cancellationToken).ConfigureAwait(false) == TableWriteStatus.Conflict
            ? await contacts.FindAsync<ContactEntity>(sourceId, contact.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>Moves every interaction of <paramref name="sourceId"/> to <paramref name="targetId"/>; returns how many were moved.</summary>
    public async Task<int> MoveInteractionsAsync(string sourceId, string targetId, CancellationToken cancellationToken)
    {
        var interactions = await tables.Interactions(cancellationToken).ConfigureAwait(false);
        var moved = 0;
        await foreach (var found in interactions.QueryAsync<InteractionEntity>(InteractionRows.OfPartition(sourceId), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // A conflict on the guarded delete means the interaction was rewritten in the source after it was read (a retried
            // log of the same message): move that newer version as well. NotFound: a concurrent merge moved it already.
            for (var interaction = found; interaction is not null;)
            {
                var etag = interaction.ETag;
                var rowKey = interaction.RowKey;
                interaction.PartitionKey = targetId;
                interaction.ClientId = targetId;
                await interactions.UpsertAsync(interaction, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                interaction = await interactions.TryDeleteAsync(sourceId, rowKey, etag, cancellationToken).ConfigureAwait(false) == TableWriteStatus.Conflict
                    ? await interactions.FindAsync<InteractionEntity>(sourceId, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false)
                    : null;
            }

            moved++;
        }

        return moved;
    }

    private static string Union(string? a, string? b) =>
        string.Join(',', SearchTokens.SplitList(a).Concat(SearchTokens.SplitList(b)).Distinct(StringComparer.Ordinal));
}
