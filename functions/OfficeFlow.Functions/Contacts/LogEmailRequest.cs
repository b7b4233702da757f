using OfficeFlow.Functions.Contacts.Matching;

namespace OfficeFlow.Functions.Contacts;

/// <summary>
/// What the Outlook add-in can read from the open message (POST /api/contacts/log-email).
/// Either a body (text or HTML) with the headers, or only <see cref="ItemId"/> when Graph on-behalf-of can read the message.
/// </summary>
public sealed record LogEmailRequest
{
    public string? InternetMessageId { get; init; }
    public string? ItemId { get; init; }
    public MailParty? From { get; init; }
    public IReadOnlyList<MailParty>? To { get; init; }
    public IReadOnlyList<MailParty>? Cc { get; init; }
    public string? Subject { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public string? BodyText { get; init; }
    public string? BodyHtml { get; init; }
}
