using OfficeFlow.Functions.Contacts.Cards;
using OfficeFlow.Functions.Contacts.Extraction;

namespace OfficeFlow.Functions.Contacts.Logging;

/// <summary>How a log-email request ended.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<LogEmailStatus>))]
public enum LogEmailStatus
{
    /// <summary>The interaction was written now.</summary>
    Logged,
    /// <summary>The message had been logged before: the existing interaction is returned, nothing was written.</summary>
    AlreadyLogged,
    /// <summary>The message is not for logging (internal, never-log list); <see cref="LogEmailOutcome.Reason"/> says why.</summary>
    NotLogged,
}

/// <summary>Who logs: the manager (add-in) or the mailbox-sync timer.</summary>
/// <param name="Source">"add-in" or "mailbox-sync".</param>
/// <param name="RecordTasks">Whether the grades ledger gets tasks for this actor (the sync only when an employee is configured).</param>
public sealed record LoggingActor(string Id, string? Name, string Source, bool RecordTasks = true);

/// <summary>What the signature gave, as the add-in shows it ("we read this from the signature").</summary>
public sealed record SignatureView(string? PersonName, string? Position, string? Company, string? Inn, string? Kpp, IReadOnlyList<string> Phones, string? Website, IReadOnlyList<string> RejectedInns)
{
    public static SignatureView From(ExtractedSignature s) =>
        new(s.PersonName, s.Position, s.Company?.Display, s.Inn, s.Kpp, s.Phones.Select(p => p.ToString()).ToList(), s.Website, s.RejectedInns);
}

/// <summary>The answer of POST /api/contacts/log-email.</summary>
/// <param name="MatchedBy">"domain", "inn", "contactEmail", "companyName" (a free-mail sender whose signature names an existing client: same legal form and name), "created" (a new client from the signature), "signatureCompany" (the client another request just created from the same signature) or "none" (a contact without a company).</param>
/// <param name="ClientCreated">True only in the answer of the request that created the client (also when an identical request logged the message).</param>
/// <param name="PossibleDuplicateOf">The existing client the new one may be the same company as (see <see cref="Matching.SameCompany"/>); the add-in offers «Объединить».</param>
public sealed record LogEmailOutcome(
    LogEmailStatus Status,
    string? Reason,
    string? MatchedBy,
    bool ClientCreated,
    ClientCard? Client,
    ContactView? Contact,
    InteractionView? Interaction,
    SignatureView? Signature,
    ClientRef? PossibleDuplicateOf = null)
{
    public static LogEmailOutcome NotLogged(string reason) => new(LogEmailStatus.NotLogged, reason, null, false, null, null, null, null);
}
