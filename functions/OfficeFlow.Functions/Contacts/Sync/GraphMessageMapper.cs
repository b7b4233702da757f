using Microsoft.Graph.Models;
using OfficeFlow.Functions.Contacts.Matching;

namespace OfficeFlow.Functions.Contacts.Sync;

/// <summary>Turns a Graph message into the same request the add-in sends, so both paths log alike.</summary>
public static class GraphMessageMapper
{
    /// <summary>The request, or null for a delta "@removed" entry or a message without a Message-ID.</summary>
    public static LogEmailRequest? ToRequest(Message message)
    {
        if (message.AdditionalData?.ContainsKey("@removed") == true || string.IsNullOrWhiteSpace(message.InternetMessageId))
        {
            return null;
        }

        var isHtml = message.Body?.ContentType == BodyType.Html;
        return new LogEmailRequest
        {
            InternetMessageId = message.InternetMessageId,
            ItemId = message.Id,
            From = Party(message.From),
            To = (message.ToRecipients ?? []).Select(Party).OfType<MailParty>().ToList(),
            Cc = (message.CcRecipients ?? []).Select(Party).OfType<MailParty>().ToList(),
            Subject = message.Subject,
            SentAt = message.SentDateTime ?? message.ReceivedDateTime,
            BodyText = isHtml ? null : message.Body?.Content ?? message.BodyPreview,
            BodyHtml = isHtml ? message.Body?.Content : null,
        };
    }

    private static MailParty? Party(Recipient? recipient) =>
        recipient?.EmailAddress?.Address is { Length: > 0 } address ? new MailParty(recipient.EmailAddress.Name, address) : null;
}
