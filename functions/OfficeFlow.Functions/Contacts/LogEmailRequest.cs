using System.ComponentModel.DataAnnotations;
using OfficeFlow.Functions.Contacts.Matching;
using OfficeFlow.Functions.Hosting;

namespace OfficeFlow.Functions.Contacts;

/// <summary>
/// What the Outlook add-in can read from the open message (POST /api/contacts/log-email).
/// Either a body (text or HTML) with the headers, or only <see cref="ItemId"/> when Graph on-behalf-of can read the message.
/// </summary>
[OpenApiRequiresAnyOf("bodyText", "bodyHtml")]
public sealed record LogEmailRequest
{
    [Required, OpenApiExample("\"<CAF1x2y3@mail.romashka.ru>\"")] public string? InternetMessageId { get; init; }
    public string? ItemId { get; init; }
    [Required] public MailParty? From { get; init; }
    public IReadOnlyList<MailParty>? To { get; init; }
    public IReadOnlyList<MailParty>? Cc { get; init; }
    public string? Subject { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public string? BodyText { get; init; }
    public string? BodyHtml { get; init; }
}
