using Azure;
using OfficeFlow.Functions.Contacts.Records;
using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Contacts.Cards.Heads;

/// <summary>A head as read: its content and the ETag that guards replacing it; <see cref="MergedInto"/> when the row is a merged client's tombstone.</summary>
public sealed record StoredHead(CardHead Head, ETag ETag, string? MergedInto = null);

/// <summary>How a commit ended: <see cref="Written"/> with the head's new ETag (none when the head was too large to keep and was
/// dropped instead, the interaction still written), or not written at all because the guard failed.</summary>
public readonly record struct HeadCommit(bool Written, ETag? HeadETag);

/// <summary>
/// Reads, rebuilds, writes and drops client card heads. A head is written only together with an interaction
/// (one entity-group transaction), guarded by the ETag it was read with, or added when there was none; a
/// guard that fails means someone else wrote first, and the caller starts again from a fresh read. Anything
/// that changes a client other than by logging mail (edits, merges) drops the head, so every holder of an
/// older copy fails its next guarded write.
/// </summary>
public sealed class CardHeadStore(ContactsTables tables, ILogger<CardHeadStore> log)
{
    public async Task<StoredHead?> ReadAsync(string clientId, CancellationToken cancellationToken)
    {
        var table = await tables.Interactions(cancellationToken).ConfigureAwait(false);
        var entity = await table.FindAsync<CardHeadEntity>(clientId, CardHeadEntity.Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (entity is null)
        {
            return null;
        }

        if (entity.MergedInto is { } mergedInto)
        {
            return new StoredHead(CardHead.Empty, entity.ETag, mergedInto);
        }

        // A row without readable content (too large to keep, or another version's) is rebuilt and replaced under its ETag.
        var json = entity.ReadJson();
        var head = json is null ? null : CardHead.FromJson(json);
        return new StoredHead(head ?? await BuildAsync(clientId, cancellationToken).ConfigureAwait(false), entity.ETag);
    }

    /// <summary>The head as the tables say it should be: the client's contacts and latest interactions.</summary>
    public async Task<CardHead> BuildAsync(string clientId, CancellationToken cancellationToken)
    {
        var contactsTable = await tables.Contacts(cancellationToken).ConfigureAwait(false);
        var interactionsTable = await tables.Interactions(cancellationToken).ConfigureAwait(false);
        var contacts = new List<HeadContact>();
        await foreach (var contact in contactsTable.QueryAsync<ContactEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {clientId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            contacts.Add(HeadContact.From(contact));
        }

        var interactions = new List<InteractionView>();
        await foreach (var interaction in interactionsTable.QueryAsync<InteractionEntity>(InteractionRows.OfPartition(clientId), maxPerPage: ClientCardReader.InteractionsShown, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            interactions.Add(InteractionView.From(interaction));
            if (interactions.Count == ClientCardReader.InteractionsShown)
            {
                break;
            }
        }

        return new CardHead(contacts.OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList(), interactions);
    }

    /// <summary>
    /// Stores the interaction and the head that lists it, atomically. <paramref name="ifMatch"/> is the ETag the
    /// head was read with; null adds the head (there was none).
    /// </summary>
    /// <returns>Not written when the guard failed (the head changed, appeared or was dropped meanwhile): nothing was stored.</returns>
    public async Task<HeadCommit> CommitAsync(InteractionEntity interaction, CardHead head, ETag? ifMatch, CancellationToken cancellationToken)
    {
        var table = await tables.Interactions(cancellationToken).ConfigureAwait(false);
        var entity = new CardHeadEntity { PartitionKey = interaction.PartitionKey };
        if (!entity.TrySetJson(head.ToJson()))
        {
            // Too big to keep (a client with hundreds of contacts): the row stays, without content, still guarding the partition;
            // whoever reads it next rebuilds the head from the tables.
            log.LogWarning("The card head of client {ClientId} is too large to store; it is rebuilt from the tables when read", interaction.PartitionKey);
        }

        TableTransactionAction headAction = ifMatch is { } etag
            ? new(TableTransactionActionType.UpdateReplace, entity, etag)
            : new(TableTransactionActionType.Add, entity);
        try
        {
            var results = await table.SubmitTransactionAsync([new(TableTransactionActionType.UpsertReplace, interaction), headAction], cancellationToken).ConfigureAwait(false);
            return new HeadCommit(true, results.Value[1].Headers.ETag);
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return new HeadCommit(false, null);
        }
    }

    /// <summary>
    /// Replaces the head of a client merged away by a tombstone: every guarded write prepared from the old head fails, a writer
    /// that found no head cannot add one, and whoever reads it resolves the message again (and finds the surviving client).
    /// </summary>
    public async Task TombstoneAsync(string clientId, string mergedInto, CancellationToken cancellationToken)
    {
        var table = await tables.Interactions(cancellationToken).ConfigureAwait(false);
        await table.UpsertAsync(new CardHeadEntity { PartitionKey = clientId, MergedInto = mergedInto }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the head (edits, merges): the next message or card rebuilds it from the tables.</summary>
    public async Task DropAsync(string clientId, CancellationToken cancellationToken)
    {
        var table = await tables.Interactions(cancellationToken).ConfigureAwait(false);
        await table.TryDeleteAsync(clientId, CardHeadEntity.Row, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
