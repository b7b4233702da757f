using System.Text.Json.Nodes;
using OfficeFlow.Functions.Contacts.Matching;
using OfficeFlow.Functions.Contacts.Records;
using OfficeFlow.Functions.Contracts;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Contacts.Editing;

/// <summary>
/// The contacts capability's <see cref="IClientRequisitesWriter"/>: the requisites typed into a contract go to the card through
/// <see cref="ClientEditor"/> (the same checks, index and cache upkeep as a manager's edit), over the ETag just read; when someone
/// saved the card in between, it is read again and the typed values applied again (the hot-row pipeline, a few seconds at most).
/// </summary>
public sealed class ContractRequisitesWriter(ClientDirectory directory, ClientEditor editor, LoggingPolicy policy, ContentionRetry retry,
    ILogger<ContractRequisitesWriter> logger) : IClientRequisitesWriter
{
    // The template's client.* keys the card stores as typed. name (kept without its legal form), signatory_short and
    // signatory_genitive (derived, or not on the card) are not saved.
    private static readonly Dictionary<string, string> CardFieldOf = new(StringComparer.Ordinal)
    {
        ["inn"] = "inn", ["kpp"] = "kpp", ["ogrn"] = "ogrn", ["address"] = "address", ["bank"] = "bankName", ["bik"] = "bik",
        ["account"] = "settlementAccount", ["corr_account"] = "correspondentAccount", ["signatory_name"] = "signatoryName",
        ["signatory_position"] = "signatoryPosition", ["basis"] = "signatoryBasis",
    };

    public async Task SaveAsync(string clientId, JsonObject? typed, CancellationToken cancellationToken)
    {
        var values = Typed(typed);
        // What the card's checks refuse is not saved (ClientUpdate.Validate uses the card's field names, as the values here).
        var refused = With(new ClientUpdate { Name = "-" }, values).Validate(policy);
        foreach (var field in refused.Keys.Where(values.ContainsKey))
        {
            values.Remove(field);
            logger.LogWarning("A contract's {Field} for client {ClientId} fails the card's checks and is not saved to the card", field, clientId);
        }

        if (values.Count == 0 || !ClientDirectory.IsValidId(clientId))
        {
            return;
        }

        var outcome = await ContentionRetry.RunAsync(retry.HotRow, $"Saving a contract's requisites to client {clientId}", async () =>
        {
            var card = await directory.GetAsync(clientId, cancellationToken).ConfigureAwait(false);
            if (card is null)
            {
                return ClientEditStatus.NotFound;
            }

            var current = FromCard(card);
            var update = With(current, values);
            if (update == current)
            {
                return ClientEditStatus.Saved;
            }

            var result = await editor.UpdateAsync(card.Id, update, card.ETag, cancellationToken).ConfigureAwait(false);
            return result.Status == ClientEditStatus.Stale ? throw new WriteConflictException() : result.Status;
        }, cancellationToken).ConfigureAwait(false);

        if (outcome == ClientEditStatus.Taken)
        {
            // The typed INN belongs to another client: the card keeps its own; merging is the manager's decision, not a contract's.
            logger.LogWarning("Contract requisites for client {ClientId} were not saved: the INN belongs to another client", clientId);
        }
    }

    private static Dictionary<string, string> Typed(JsonObject? typed)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in typed ?? [])
        {
            // Only a typed text: an empty field in a contract request means "not given here", never "clear the card".
            if (CardFieldOf.TryGetValue(key, out var field) && node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
            {
                values[field] = text.Trim();
            }
        }

        return values;
    }

    private static ClientUpdate FromCard(ClientEntity c) => new()
    {
        Name = c.Name, LegalForm = c.LegalForm, Inn = c.Inn, Kpp = c.Kpp, Ogrn = c.Ogrn, Domains = SearchTokens.SplitList(c.Domains),
        Website = c.Website, Address = c.Address, BankName = c.BankName, Bik = c.Bik, SettlementAccount = c.SettlementAccount,
        CorrespondentAccount = c.CorrespondentAccount, SignatoryName = c.SignatoryName, SignatoryPosition = c.SignatoryPosition,
        SignatoryBasis = c.SignatoryBasis,
    };

    private static ClientUpdate With(ClientUpdate u, Dictionary<string, string> v) => u with
    {
        Inn = v.GetValueOrDefault("inn") ?? u.Inn,
        Kpp = v.GetValueOrDefault("kpp") ?? u.Kpp,
        Ogrn = v.GetValueOrDefault("ogrn") ?? u.Ogrn,
        Address = v.GetValueOrDefault("address") ?? u.Address,
        BankName = v.GetValueOrDefault("bankName") ?? u.BankName,
        Bik = v.GetValueOrDefault("bik") ?? u.Bik,
        SettlementAccount = v.GetValueOrDefault("settlementAccount") ?? u.SettlementAccount,
        CorrespondentAccount = v.GetValueOrDefault("correspondentAccount") ?? u.CorrespondentAccount,
        SignatoryName = v.GetValueOrDefault("signatoryName") ?? u.SignatoryName,
        SignatoryPosition = v.GetValueOrDefault("signatoryPosition") ?? u.SignatoryPosition,
        SignatoryBasis = v.GetValueOrDefault("signatoryBasis") ?? u.SignatoryBasis,
    };
}
