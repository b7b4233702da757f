using OfficeFlow.Functions.Contacts.Cards.Heads;
using OfficeFlow.Functions.Contacts.Extraction;
using OfficeFlow.Functions.Contacts.Matching;
using OfficeFlow.Functions.Contacts.Records;

namespace OfficeFlow.Functions.Contacts.Logging;

/// <summary>
/// Creates the client a first message's signature names, with an id that concurrent first messages of one company agree
/// on: a company-domain sender's id always comes from the domain (whatever the signature carries: with an INN or without,
/// two first messages would otherwise race and make two clients), a free-mail sender's from the INN, else from the name.
/// Clients created before keep their ids; the resolver finds them by their domain and INN index rows.
/// </summary>
public sealed class ClientCreator(ClientDirectory directory, CardHeadStore heads, TimeProvider time)
{
    /// <returns>The client as stored, and whether this call created it (false: a concurrent first message did).</returns>
    public async Task<(ClientEntity Client, bool Created)> CreateAsync(ExtractedSignature signature, LoggingDecision decision, LoggingActor actor, string messageHash,
        ClientEntity? possibleDuplicateOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(decision);
        var company = signature.Company!;
        var identity = decision.CompanyDomain is { } domain ? "domain:" + domain
            : signature.Inn is { } inn ? "inn:" + inn
            : "name:" + SearchTokens.Normalise(company.Display);
        var now = time.GetUtcNow();
        var client = new ClientEntity
        {
            PartitionKey = Keys.ClientId(identity),
            Name = company.Name,
            LegalForm = company.LegalForm,
            Inn = signature.Inn,
            Kpp = signature.Kpp,
            Ogrn = signature.Ogrn,
            Domains = decision.CompanyDomain,
            Website = signature.Website,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = actor.Id,
            CreatedForMessage = messageHash,
        };
        MarkPossibleDuplicate(client, possibleDuplicateOf);
        var added = await directory.AddClientAsync(client, cancellationToken).ConfigureAwait(false);
        if (added.Created)
        {
            return (await FlagInnOwnedElsewhereAsync(added.Client, added.InnOwner, cancellationToken).ConfigureAwait(false), true);
        }

        // A concurrent first message of the same company created it, perhaps from a signature without the INN this one carries.
        var stored = added.Client;
        if (stored.Id == client.Id && stored.Inn is null && signature.Inn is not null)
        {
            stored = await AddInnAsync(stored.Id, signature, cancellationToken).ConfigureAwait(false) ?? stored;
        }

        return (stored, false);
    }

    private async Task<ClientEntity?> AddInnAsync(string id, ExtractedSignature signature, CancellationToken cancellationToken)
    {
        var changed = await directory.ChangeAsync(id, c =>
        {
            if (c.Inn is not null)
            {
                return false; // someone stored one meanwhile: theirs stays
            }

            c.Inn = signature.Inn;
            c.Kpp ??= signature.Kpp;
            c.Ogrn ??= signature.Ogrn;
            return true;
        }, cancellationToken).ConfigureAwait(false);
        if (changed is null || changed.Inn != signature.Inn)
        {
            return changed;
        }

        // The card head was built from the client without its INN: dropped, so no snapshot keeps the old requisites.
        await heads.DropAsync(id, cancellationToken).ConfigureAwait(false);
        var owner = await directory.ClaimIndexAsync(IndexEntity.InnPartition, changed.Inn, changed.Id, cancellationToken).ConfigureAwait(false);
        return await FlagInnOwnedElsewhereAsync(changed, owner, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The INN's index row already names another client (the same company written from another domain, or from a free-mail
    /// address, at the same moment): this client is kept, and flagged as possibly that one, so the card offers the merge.
    /// </summary>
    private async Task<ClientEntity> FlagInnOwnedElsewhereAsync(ClientEntity client, string? innOwner, CancellationToken cancellationToken)
    {
        if (innOwner is null || innOwner == client.Id || client.PossibleDuplicateOf is not null
            || await directory.GetAsync(innOwner, cancellationToken).ConfigureAwait(false) is not { } owner || owner.Id == client.Id)
        {
            return client;
        }

        var flagged = await directory.ChangeAsync(client.Id, c =>
        {
            if (c.PossibleDuplicateOf is not null)
            {
                return false;
            }

            MarkPossibleDuplicate(c, owner);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        await heads.DropAsync(client.Id, cancellationToken).ConfigureAwait(false);
        return flagged ?? client;
    }

    private static void MarkPossibleDuplicate(ClientEntity client, ClientEntity? of)
    {
        if (of is null)
        {
            return;
        }

        client.PossibleDuplicateOf = of.Id;
        client.PossibleDuplicateOfName = of.DisplayName;
    }
}
