using OfficeFlow.Functions.Storage;
using OfficeFlow.Functions.Contacts.Cards.Heads;
using OfficeFlow.Functions.Contacts.Matching;
using OfficeFlow.Functions.Contacts.Records;

namespace OfficeFlow.Functions.Contacts.Logging;

/// <summary>Who a message is from: the matched client (by which rule), the sender's e-mail index row and the stored contact;
/// <see cref="Snapshot"/> when the client and contact came from <see cref="ClientSnapshotCache"/> (to be confirmed by the head write).</summary>
public sealed record SenderResolution(ClientEntity? Client, MatchedBy By, IndexEntity? EmailEntry, ContactEntity? ExistingContact, ClientSnapshot? Snapshot = null);

/// <summary>
/// Applies the matching rules of <see cref="ClientMatcher"/> (domain, then signature INN, then a known contact's
/// e-mail) with the fewest storage round trips: the domain and e-mail index rows are read together (or come
/// from <see cref="IndexCache"/>), then the client and the contact together. A cached row is trusted only when
/// those reads confirm it (the client still lists the domain; the contact still lives where the row says and
/// still has the address); otherwise the rows are forgotten and everything is read again from the index.
/// With a <see cref="ClientSnapshot"/> of the matched client, the client and contact reads are skipped: the
/// snapshot is checked the same way, and the guarded head write that follows confirms it.
/// </summary>
public sealed class SenderResolver(ClientDirectory directory, IndexCache cache, ClientSnapshotCache snapshots)
{
    /// <param name="useCache">False after a guarded head write failed: everything is read from the tables.</param>
    public async Task<SenderResolution> ResolveAsync(LoggingDecision decision, string? signatureInn, CancellationToken cancellationToken, bool useCache = true) =>
        (useCache ? await TryResolveAsync(decision, signatureInn, useCache: true, cancellationToken).ConfigureAwait(false) : null)
        ?? (await TryResolveAsync(decision, signatureInn, useCache: false, cancellationToken).ConfigureAwait(false))!;

    /// <returns>Null when a cached row failed validation (the caller retries without the cache).</returns>
    private async Task<SenderResolution?> TryResolveAsync(LoggingDecision decision, string? signatureInn, bool useCache, CancellationToken cancellationToken)
    {
        var address = MailAddress.Normalise(decision.Counterparty!);
        var domain = decision.CompanyDomain?.ToLowerInvariant();
        var entryRead = ReadAsync(IndexEntity.EmailPartition, address, useCache, cancellationToken);
        var domainRead = domain is null ? null : ReadAsync(IndexEntity.DomainPartition, domain, useCache, cancellationToken);

        string? clientId = null;
        var by = MatchedBy.None;
        var domainHit = domainRead is null ? default : await domainRead.ConfigureAwait(false);
        if (domainHit.Entry?.ClientId is { Length: > 0 } byDomain)
        {
            (clientId, by) = (byDomain, MatchedBy.Domain);
        }
        else if (signatureInn is not null && await directory.FindClientIdByInnAsync(signatureInn, cancellationToken).ConfigureAwait(false) is { } byInn)
        {
            (clientId, by) = (byInn, MatchedBy.Inn);
        }

        var (entry, entryCached) = await entryRead.ConfigureAwait(false);
        if (clientId is null && entry?.ClientId is { Length: > 0 } byContact)
        {
            (clientId, by) = (byContact, MatchedBy.ContactEmail);
        }

        if (useCache && clientId is not null && snapshots.Get(clientId) is { } snapshot)
        {
            var fromSnapshot = await FromSnapshotAsync(snapshot, by, domain, address, entry, entryCached, cancellationToken).ConfigureAwait(false);
            if (fromSnapshot is not null)
            {
                Remember(IndexEntity.DomainPartition, domain, domainHit);
                Remember(IndexEntity.EmailPartition, address, (entry, entryCached));
                return fromSnapshot;
            }

            snapshots.Forget(clientId);
        }

        var clientRead = clientId is null ? Task.FromResult<ClientEntity?>(null) : directory.GetAsync(clientId, cancellationToken);
        var contactRead = entry is null ? Task.FromResult<ContactEntity?>(null) : ReadContactAsync(entry, address, cancellationToken);
        var client = await clientRead.ConfigureAwait(false);
        var contact = await contactRead.ConfigureAwait(false);

        if (domainHit.Cached && by == MatchedBy.Domain && (client is null || !SearchTokens.SplitList(client.Domains).Contains(domain!, StringComparer.OrdinalIgnoreCase)))
        {
            cache.Forget(IndexEntity.DomainPartition, domain!);
            return null;
        }

        if (entryCached && (contact is null || !SearchTokens.SplitList(contact.Emails).Contains(address, StringComparer.OrdinalIgnoreCase)))
        {
            cache.Forget(IndexEntity.EmailPartition, address);
            return null;
        }

        Remember(IndexEntity.DomainPartition, domain, domainHit);
        Remember(IndexEntity.EmailPartition, address, (entry, entryCached));
        return new SenderResolution(client, client is null ? MatchedBy.None : by, entry, contact);
    }

    /// <returns>The resolution from the snapshot, or null when the snapshot disagrees with the index rows.</returns>
    private async Task<SenderResolution?> FromSnapshotAsync(ClientSnapshot snapshot, MatchedBy by, string? domain, string address, IndexEntity? entry, bool entryCached,
        CancellationToken cancellationToken)
    {
        var client = snapshot.Client;
        if (client.Status == ClientStatus.Merged || (by == MatchedBy.Domain && !SearchTokens.SplitList(client.Domains).Contains(domain!, StringComparer.OrdinalIgnoreCase)))
        {
            return null;
        }

        ContactEntity? contact = null;
        if (entry is not null && ContactPartitionOf(entry) == client.Id)
        {
            var id = ContactIdOf(entry, address);
            contact = snapshot.Head.Contacts.FirstOrDefault(c => c.Id == id)?.ToEntity(client.Id);
            if (contact is null || !SearchTokens.SplitList(contact.Emails).Contains(address, StringComparer.OrdinalIgnoreCase))
            {
                return null;
            }
        }
        else if (entry is not null)
        {
            // The sender is a contact of another client (or of none): that row is not in this client's head.
            contact = await ReadContactAsync(entry, address, cancellationToken).ConfigureAwait(false);
            if (entryCached && (contact is null || !SearchTokens.SplitList(contact.Emails).Contains(address, StringComparer.OrdinalIgnoreCase)))
            {
                return null;
            }
        }

        return new SenderResolution(client, by, entry, contact, snapshot);
    }

    /// <summary>Where the entry says the contact lives: its client's partition, or the no-client one.</summary>
    public static string ContactPartitionOf(IndexEntity entry) => entry.ClientId is { Length: > 0 } known ? known : ContactEntity.NoClient;

    public static string ContactIdOf(IndexEntity? entry, string address) => entry?.ContactId ?? Keys.ContactId(address);

    private async Task<ContactEntity?> ReadContactAsync(IndexEntity entry, string address, CancellationToken cancellationToken)
    {
        return await directory.FindContactAsync(ContactPartitionOf(entry), ContactIdOf(entry, address), cancellationToken).ConfigureAwait(false);
    }

    private async Task<(IndexEntity? Entry, bool Cached)> ReadAsync(string partition, string value, bool useCache, CancellationToken cancellationToken)
    {
        if (useCache && cache.Get(partition, value) is { } hit)
        {
            return (hit, true);
        }

        return (await directory.FindIndexEntryAsync(partition, value, cancellationToken).ConfigureAwait(false), false);
    }

    private void Remember(string partition, string? value, (IndexEntity? Entry, bool Cached) read)
    {
        // Only rows just read (and confirmed) are kept: a miss is never cached, so a new client's domain is found at once.
        if (value is not null && read is { Cached: false, Entry: { } entry })
        {
            cache.Set(partition, value, entry);
        }
    }
}
