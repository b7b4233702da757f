using OfficeFlow.Functions.Contacts.Cards.Heads;
using OfficeFlow.Functions.Contacts.Extraction;
using OfficeFlow.Functions.Contacts.Records;
using OfficeFlow.Functions.Contracts;
using OfficeFlow.Functions.Invoices;

namespace OfficeFlow.Functions.Contacts.Cards;

/// <summary>Reads a client card: the client (following merges), its contacts and its last interactions.</summary>
public sealed class ClientCardReader(ClientDirectory directory, IClientContracts? contracts = null, IClientInvoices? invoices = null)
{
    public const int InteractionsShown = 20;
    public const int ContractsShown = 20;

    public async Task<ClientCard?> ReadAsync(string clientId, CancellationToken cancellationToken)
    {
        var client = await directory.GetAsync(clientId, cancellationToken).ConfigureAwait(false);
        return client is null ? null : await ReadAsync(client, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ClientCard> ReadAsync(ClientEntity client, CancellationToken cancellationToken)
    {
        // Independent queries: run them together.
        var interactions = LatestInteractionsAsync(client.Id, cancellationToken);
        var contractList = contracts?.ForClientAsync(client.Id, ContractsShown, cancellationToken);
        var openInvoices = invoices?.OpenForClientAsync(client.Id, cancellationToken);
        var contacts = await ContactsAsync(client.Id, cancellationToken).ConfigureAwait(false);
        var card = ToCard(client, contacts, await interactions.ConfigureAwait(false)) with
        {
            Contracts = contractList is null ? [] : await contractList.ConfigureAwait(false),
            OpenInvoices = openInvoices is null ? [] : await openInvoices.ConfigureAwait(false),
        };
        return card.PossibleDuplicateOf is { } other && !await StillSeparateAsync(client, other.Id, cancellationToken).ConfigureAwait(false)
            ? card with { PossibleDuplicateOf = null }
            : card;
    }

    /// <summary>False once the two were merged (either way round) or the other client is gone: nothing is left to offer.</summary>
    private async Task<bool> StillSeparateAsync(ClientEntity client, string otherId, CancellationToken cancellationToken) =>
        await directory.GetAsync(otherId, cancellationToken).ConfigureAwait(false) is { } other && other.Id != client.Id;

    /// <summary>A client's contacts, by name.</summary>
    public async Task<IReadOnlyList<ContactView>> ContactsAsync(string clientId, CancellationToken cancellationToken)
    {
        var contacts = (await directory.ContactsOfAsync(clientId, cancellationToken).ConfigureAwait(false)).Select(ContactView.From);
        return contacts.OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The newest interactions of a partition: row keys start with inverted ticks, so the first rows are the newest.</summary>
    public async Task<IReadOnlyList<InteractionView>> LatestInteractionsAsync(string partition, CancellationToken cancellationToken)
    {
        var latest = await directory.LatestInteractionsAsync(partition, InteractionsShown, cancellationToken).ConfigureAwait(false);
        return latest.Select(InteractionView.From).ToList();
    }

    public static ClientCard ToCard(ClientEntity c, IReadOnlyList<ContactView> contacts, IReadOnlyList<InteractionView> interactions) =>
        new(c.Id, c.Name, c.LegalForm, c.DisplayName,
            c.Inn, c.Kpp, c.Ogrn, SearchTokens.SplitList(c.Domains), c.Website, c.Address,
            new BankDetails(c.BankName, c.Bik, c.SettlementAccount, c.CorrespondentAccount),
            new Signatory(c.SignatoryName, c.SignatoryPosition, c.SignatoryBasis),
            c.Status, c.ETag.ToString(), contacts, interactions,
            PossibleDuplicateOf: c.PossibleDuplicateOf is { Length: > 0 } other ? new ClientRef(other, c.PossibleDuplicateOfName ?? other) : null);
}
