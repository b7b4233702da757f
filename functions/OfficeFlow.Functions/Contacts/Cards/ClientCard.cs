using OfficeFlow.Functions.Contacts.Records;
using OfficeFlow.Functions.Contracts;
using OfficeFlow.Functions.Invoices;

namespace OfficeFlow.Functions.Contacts.Cards;

/// <summary>What the manager sees of a client: requisites, contacts, the latest interactions (newest first) and the
/// client's contracts (newest first) and open invoices with days overdue (most overdue first) — both null in the log-email answer, which stays cheap — the add-in opens the card for them).</summary>
public sealed record ClientCard(
    string Id,
    string Name,
    string? LegalForm,
    string DisplayName,
    string? Inn,
    string? Kpp,
    string? Ogrn,
    IReadOnlyList<string> Domains,
    string? Website,
    string? Address,
    BankDetails Bank,
    Signatory Signatory,
    string Status,
    string ETag,
    IReadOnlyList<ContactView> Contacts,
    IReadOnlyList<InteractionView> Interactions,
    IReadOnlyList<ContractSummary>? Contracts = null,
    IReadOnlyList<OpenInvoiceSummary>? OpenInvoices = null,
    ClientRef? PossibleDuplicateOf = null);

/// <summary>Another client, by id and display name: the one this client may be a duplicate of (the card offers «Объединить»).</summary>
public sealed record ClientRef(string Id, string Name);

public sealed record BankDetails(string? BankName, string? Bik, string? SettlementAccount, string? CorrespondentAccount);

public sealed record Signatory(string? Name, string? Position, string? Basis);

public sealed record ContactView(string Id, string? ClientId, string Name, string? Position, IReadOnlyList<string> Emails, IReadOnlyList<string> Phones)
{
    public static ContactView From(ContactEntity c) =>
        new(c.Id, c.ClientId, c.Name, c.Position, SearchTokens.SplitList(c.Emails), SearchTokens.SplitList(c.Phones));
}

public sealed record InteractionView(
    string Id, string? ClientId, string ContactId, string Direction, string Channel, string? Subject, string? Snippet,
    DateTimeOffset At, string? InternetMessageId, string LoggedBy, string? LoggedByName, string Source)
{
    public static InteractionView From(InteractionEntity i) =>
        new(i.PartitionKey + "|" + i.RowKey, i.ClientId, i.ContactId, i.Direction.ToString().ToLowerInvariant(), i.Channel.ToString().ToLowerInvariant(),
            i.Subject, i.Snippet, i.At, i.InternetMessageId, i.LoggedBy, i.LoggedByName, i.Source);
}
