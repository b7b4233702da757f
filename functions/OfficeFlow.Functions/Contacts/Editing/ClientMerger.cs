using OfficeFlow.Functions.Contacts.Cards.Heads;
using OfficeFlow.Functions.Contacts.Records;

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
public sealed class ClientMerger(ClientDirectory directory, CardHeadStore heads, ClientSnapshotCache snapshots, TimeProvider time)
{
    public async Task<ClientMergeResult> MergeAsync(string targetId, string sourceId, CancellationToken cancellationToken)
    {
        if (targetId == sourceId)
        {
            return new(ClientMergeStatus.Invalid, Message: "Нельзя объединить клиента с самим собой.");
        }

        var target = await directory.FindRowAsync(targetId, cancellationToken).ConfigureAwait(false);
        var source = await directory.FindRowAsync(sourceId, cancellationToken).ConfigureAwait(false);
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

        target = await AbsorbRequisitesAsync(targetId, source, cancellationToken).ConfigureAwait(false);
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
        await directory.ReplaceAsync(source, cancellationToken).ConfigureAwait(false);
        // Before anything moves: no message can be written into the source's partition any more (one in flight fails its guard,
        // is resolved again and goes to the target), so the move below cannot miss one.
        snapshots.Forget(sourceId);
        await heads.TombstoneAsync(sourceId, targetId, cancellationToken).ConfigureAwait(false);

        var contactsMoved = await directory.MoveContactsAsync(sourceId, targetId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var interactionsMoved = await directory.MoveInteractionsAsync(sourceId, targetId, cancellationToken).ConfigureAwait(false);
        await directory.ReindexAsync(source, cancellationToken, force: true).ConfigureAwait(false);
        // The target's card changed: its head is dropped (rebuilt from the tables on next use) and every snapshot of it fails its next write.
        snapshots.Forget(targetId);
        await heads.DropAsync(targetId, cancellationToken).ConfigureAwait(false);

        var merged = await directory.GetAsync(targetId, cancellationToken).ConfigureAwait(false) ?? target;
        await directory.ReindexAsync(merged, cancellationToken, force: true).ConfigureAwait(false);
        return new(ClientMergeStatus.Merged, merged, contactsMoved, interactionsMoved);
    }

    // The target keeps its own requisites; what it lacks it takes from the source, and it gains the source's domains. Someone
    // editing the target meanwhile makes the guarded write fail: the directory reads their version and this is applied again,
    // for a few seconds at most (the hot-row pipeline), then the merge fails and can be repeated.
    private async Task<ClientEntity> AbsorbRequisitesAsync(string targetId, ClientEntity source, CancellationToken cancellationToken)
    {
        var absorbed = await directory.ChangeAsync(targetId, target =>
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
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return absorbed ?? throw new InvalidOperationException($"Client {targetId} disappeared during a merge.");
    }
}
