using Azure;
using OfficeFlow.Functions.Contacts.Cards.Heads;
using OfficeFlow.Functions.Contacts.Records;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Contacts.Editing;

/// <summary>How an edit ended.</summary>
public enum ClientEditStatus
{
    Saved,
    NotFound,
    /// <summary>Someone saved the card after the caller read it (ETag mismatch).</summary>
    Stale,
    /// <summary>A domain or INN in the edit belongs to another client.</summary>
    Taken,
}

public sealed record ClientEditResult(ClientEditStatus Status, ClientEntity? Client = null, string? Message = null);

/// <summary>Saves edited requisites only over the version the manager read (If-Match), and keeps the index in step.</summary>
public sealed class ClientEditor(ClientDirectory directory, CardHeadStore heads, ClientSnapshotCache snapshots, TimeProvider time)
{
    public async Task<ClientEditResult> UpdateAsync(string id, ClientUpdate update, ETag ifMatch, CancellationToken cancellationToken)
    {
        var current = await directory.FindRowAsync(id, cancellationToken).ConfigureAwait(false);
        if (current is null || current.Status == ClientStatus.Merged)
        {
            return new(ClientEditStatus.NotFound, Message: current is null ? null : $"Клиент объединён с {current.MergedInto}: правьте его карточку.");
        }

        if (current.ETag != ifMatch)
        {
            return Stale();
        }

        var domains = (update.Domains ?? []).Select(d => d.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var (partition, value) in domains.Select(d => (IndexEntity.DomainPartition, d)).Append((IndexEntity.InnPartition, update.Inn ?? "")))
        {
            if (value.Length > 0 && await OwnerAsync(partition, value, cancellationToken).ConfigureAwait(false) is { } owner && owner != id)
            {
                return new(ClientEditStatus.Taken, Message: $"{(partition == IndexEntity.InnPartition ? "ИНН" : "Домен")} {value} уже у другого клиента ({owner}): объедините клиентов вместо правки.");
            }
        }

        var oldDomains = SearchTokens.SplitList(current.Domains);
        var oldInn = current.Inn;
        current.Name = update.Name!.Trim();
        current.LegalForm = Empty(update.LegalForm);
        current.Inn = Empty(update.Inn);
        current.Kpp = Empty(update.Kpp);
        current.Ogrn = Empty(update.Ogrn);
        current.Domains = domains.Count == 0 ? null : string.Join(',', domains);
        current.Website = Empty(update.Website);
        current.Address = Empty(update.Address);
        current.BankName = Empty(update.BankName);
        current.Bik = Empty(update.Bik);
        current.SettlementAccount = Empty(update.SettlementAccount);
        current.CorrespondentAccount = Empty(update.CorrespondentAccount);
        current.SignatoryName = Empty(update.SignatoryName);
        current.SignatoryPosition = Empty(update.SignatoryPosition);
        current.SignatoryBasis = Empty(update.SignatoryBasis);
        current.UpdatedAt = time.GetUtcNow();

        var written = await directory.TryReplaceAsync(current, ifMatch, cancellationToken).ConfigureAwait(false);
        if (written == TableWriteStatus.Conflict)
        {
            return Stale();
        }

        if (written == TableWriteStatus.NotFound)
        {
            return new(ClientEditStatus.NotFound);
        }

        // At once, so that an index or search-row failure below cannot leave other processes' snapshots of the old requisites valid;
        // and again at the end, after the search rows changed the client row once more.
        snapshots.Forget(id);
        await heads.DropAsync(id, cancellationToken).ConfigureAwait(false);
        foreach (var domain in domains)
        {
            await directory.PointIndexAsync(IndexEntity.DomainPartition, domain, id, null, cancellationToken).ConfigureAwait(false);
        }

        foreach (var removed in oldDomains.Except(domains, StringComparer.Ordinal))
        {
            await directory.ReleaseIndexAsync(IndexEntity.DomainPartition, removed, id, cancellationToken).ConfigureAwait(false);
        }

        if (current.Inn is not null)
        {
            await directory.PointIndexAsync(IndexEntity.InnPartition, current.Inn, id, null, cancellationToken).ConfigureAwait(false);
        }

        if (oldInn is not null && oldInn != current.Inn)
        {
            await directory.ReleaseIndexAsync(IndexEntity.InnPartition, oldInn, id, cancellationToken).ConfigureAwait(false);
        }

        await directory.ReindexAsync(current, cancellationToken, force: true).ConfigureAwait(false);
        // After the client row changed: every process holding a snapshot of this client fails its next guarded head write and reads again.
        snapshots.Forget(id);
        await heads.DropAsync(id, cancellationToken).ConfigureAwait(false);
        current.ETag = (await directory.FindRowAsync(id, cancellationToken).ConfigureAwait(false))?.ETag ?? current.ETag;
        return new(ClientEditStatus.Saved, current);
    }

    private async Task<string?> OwnerAsync(string partition, string value, CancellationToken cancellationToken) => partition == IndexEntity.InnPartition
        ? await directory.FindClientIdByInnAsync(value, cancellationToken).ConfigureAwait(false)
        : await directory.FindClientIdByDomainAsync(value, cancellationToken).ConfigureAwait(false);

    private static ClientEditResult Stale() => new(ClientEditStatus.Stale,
        Message: "Карточку клиента уже изменил кто-то другой после того, как вы её открыли. Откройте карточку заново, проверьте изменения и сохраните ещё раз.");

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
