using Azure;
using OfficeFlow.Functions.Contacts.Cards.Heads;
using OfficeFlow.Functions.Contacts.Records;
using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Contacts.Editing;

public enum ClientMergeStatus
{
    Merged,
    NotFound,
    /// <summary>Merging a client into itself, or into one that was itself merged away.</summary>
    Invalid,
}

public sealed record ClientMergeResult(ClientMergeStatus Status, ClientEntity? Target = null, int ContactsMoved = 0, int InteractionsMoved = 0, string? Message = null);

/// <summary>
/// Merges a duplicate client into the one that stays: first points the source's domains, INN and contact
/// e-mails at the target and marks the source merged (so new mail goes to the target), then copies every
/// contact and interaction before deleting the original. Every step is an upsert or a delete of what was
/// copied, so repeating a merge (after a crash or a double click) finishes it and loses nothing.
/// </summary>
public sealed class ClientMerger(ContactsTables tables, ClientDirectory directory, CardHeadStore heads, ClientSnapshotCache snapshots, TimeProvider time)
{
    public async Task<ClientMergeResult> MergeAsync(string targetId, string sourceId, CancellationToken cancellationToken)
    {
        if (targetId == sourceId)
        {
            return new(ClientMergeStatus.Invalid, Message: "Нельзя объединить клиента с самим собой.");
        }

        var clients = await tables.Clients(cancellationToken).ConfigureAwait(false);
        var target = await clients.FindAsync<ClientEntity>(targetId, ClientEntity.Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        var source = await clients.FindAsync<ClientEntity>(sourceId, ClientEntity.Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (target is null || source is null)
        {
            return new(ClientMergeStatus.NotFound, Message: $"Клиент {(target is null ? targetId : sourceId)} не найден.");
        }

        if (target.Status == ClientStatus.Merged)
        {
            return new(ClientMergeStatus.Invalid, Message: $"Клиент {targetId} сам объединён с {target.MergedInto}: объединяйте с ним.");
        }

        if (source.Status == ClientStatus.Merged && source.MergedInto != targetId)
        {
            return new(ClientMergeStatus.Invalid, Message: $"Клиент {sourceId} уже объединён с {source.MergedInto}.");
        }

        await AbsorbRequisitesAsync(target, source, cancellationToken).ConfigureAwait(false);
        foreach (var domain in SearchTokens.SplitList(source.Domains))
        {
            await directory.PointIndexAsync(IndexEntity.DomainPartition, domain, targetId, null, cancellationToken).ConfigureAwait(false);
        }

        if (source.Inn is not null && source.Inn != target.Inn)
        {
            await directory.PointIndexAsync(IndexEntity.InnPartition, source.Inn, targetId, null, cancellationToken).ConfigureAwait(false);
        }

        source.Status = ClientStatus.Merged;
        source.MergedInto = targetId;
        source.UpdatedAt = time.GetUtcNow();
        await clients.UpsertAsync(source, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        // Before anything moves: no message can be written into the source's partition any more (one in flight fails its guard,
        // is resolved again and goes to the target), so the move below cannot miss one.
        snapshots.Forget(sourceId);
        await heads.TombstoneAsync(sourceId, targetId, cancellationToken).ConfigureAwait(false);

        var contactsMoved = await MoveContactsAsync(sourceId, targetId, cancellationToken).ConfigureAwait(false);
        var interactionsMoved = await MoveInteractionsAsync(sourceId, targetId, cancellationToken).ConfigureAwait(false);
        await directory.ReindexAsync(source, cancellationToken, force: true).ConfigureAwait(false);
        // The target's card changed: its head is dropped (rebuilt from the tables on next use) and every snapshot of it fails its next write.
        snapshots.Forget(targetId);
        await heads.DropAsync(targetId, cancellationToken).ConfigureAwait(false);

        var merged = await directory.GetAsync(targetId, cancellationToken).ConfigureAwait(false) ?? target;
        await directory.ReindexAsync(merged, cancellationToken, force: true).ConfigureAwait(false);
        return new(ClientMergeStatus.Merged, merged, contactsMoved, interactionsMoved);
    }

    // The target keeps its own requisites; what it lacks it takes from the source, and it gains the source's domains.
    private async Task AbsorbRequisitesAsync(ClientEntity target, ClientEntity source, CancellationToken cancellationToken)
    {
        var clients = await tables.Clients(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            target.Domains = string.Join(',', SearchTokens.SplitList(target.Domains).Concat(SearchTokens.SplitList(source.Domains)).Distinct(StringComparer.Ordinal)) is { Length: > 0 } d ? d : null;
            target.Inn ??= source.Inn;
            target.Kpp ??= source.Kpp;
            target.Ogrn ??= source.Ogrn;
            target.Website ??= source.Website;
            target.Address ??= source.Address;
            target.BankName ??= source.BankName;
            target.Bik ??= source.Bik;
            target.SettlementAccount ??= source.SettlementAccount;
            target.CorrespondentAccount ??= source.CorrespondentAccount;
            target.SignatoryName ??= source.SignatoryName;
            target.SignatoryPosition ??= source.SignatoryPosition;
            target.SignatoryBasis ??= source.SignatoryBasis;
            target.UpdatedAt = time.GetUtcNow();
            var written = await clients.TryUpdateAsync(target, target.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            if (written == TableWriteStatus.Ok)
            {
                return;
            }

            if (written == TableWriteStatus.NotFound)
            {
                throw new InvalidOperationException($"Client {target.Id} disappeared during a merge.");
            }

            // Someone edited the target meanwhile: start again from their version.
            target = await clients.FindAsync<ClientEntity>(target.Id, ClientEntity.Row, cancellationToken: cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Client {target.Id} disappeared during a merge.");
        }
    }

    private async Task<int> MoveContactsAsync(string sourceId, string targetId, CancellationToken cancellationToken)
    {
        var contacts = await tables.Contacts(cancellationToken).ConfigureAwait(false);
        var moved = 0;
        await foreach (var found in contacts.QueryAsync<ContactEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {sourceId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            for (var contact = found; contact is not null;)
            {
                contact = await MoveContactAsync(contacts, contact, targetId, cancellationToken).ConfigureAwait(false);
            }

            moved++;
        }

        return moved;
    }

    /// <summary>Copies one contact into the target and deletes it from the source, guarded by the ETag it was read with.
    /// Returns the source's newer version when the delete met a conflict (a message in flight changed the contact after
    /// it was read), so that version is copied too and nothing of it is lost; null when the contact is moved.</summary>
    private async Task<ContactEntity?> MoveContactAsync(TableClient contacts, ContactEntity contact, string targetId, CancellationToken cancellationToken)
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
            UpdatedAt = time.GetUtcNow(),
        };
        await contacts.UpsertAsync(copy, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        foreach (var email in SearchTokens.SplitList(contact.Emails))
        {
            await directory.PointIndexAsync(IndexEntity.EmailPartition, email, targetId, contact.RowKey, cancellationToken).ConfigureAwait(false);
        }

        // NotFound: a concurrent merge of the same pair moved it already.
        return await contacts.TryDeleteAsync(sourceId, contact.RowKey, contact.ETag, cancellationToken).ConfigureAwait(false) == TableWriteStatus.Conflict
            ? await contacts.FindAsync<ContactEntity>(sourceId, contact.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false)
            : null;
    }

    private async Task<int> MoveInteractionsAsync(string sourceId, string targetId, CancellationToken cancellationToken)
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
