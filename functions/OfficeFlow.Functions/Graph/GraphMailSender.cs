using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.SendMail;

namespace OfficeFlow.Functions.Graph;

/// <summary>
/// Sends from the shared mailbox with Graph <c>POST /users/{mailbox}/sendMail</c> (a copy stays in Sent Items).
/// Throttling (429 with Retry-After) is retried by the SDK's RetryHandler: Graph has not accepted a throttled
/// request, so the retry cannot send twice. The idempotency key travels as an <c>X-OfficeFlow-Key</c> header
/// so a sent message can be traced back to the step that sent it.
/// </summary>
public sealed class GraphMailSender(GraphServiceClient client, GraphSettings settings) : IMailSender
{
    /// <summary>Graph's sendMail accepts requests up to 4 MB; base64 makes attachments a third larger.</summary>
    public const int MaxAttachmentBytes = 3 * 1024 * 1024;

    public const string KeyHeader = "X-OfficeFlow-Key";

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        MailValidation.Validate(mail);
        var attachments = mail.Attachments ?? [];
        if (attachments.Sum(a => (long)a.Content.Length) > MaxAttachmentBytes)
        {
            throw new ArgumentException($"The attachments of '{mail.Subject}' exceed {MaxAttachmentBytes / (1024 * 1024)} MB, more than Graph sendMail accepts: store the file with IDocumentStore and send its link.", nameof(mail));
        }

        var message = new Message
        {
            Subject = mail.Subject,
            Body = new ItemBody { ContentType = BodyType.Html, Content = mail.HtmlBody },
            ToRecipients = mail.To.Select(address => new Recipient { EmailAddress = new EmailAddress { Address = address } }).ToList(),
            Attachments = attachments.Select(a => (Attachment)new FileAttachment
            {
                OdataType = "#microsoft.graph.fileAttachment",
                Name = a.FileName,
                ContentType = a.ContentType,
                ContentBytes = a.Content,
            }).ToList(),
            InternetMessageHeaders = [new InternetMessageHeader { Name = KeyHeader, Value = mail.IdempotencyKey }],
        };

        await client.Users[settings.Mailbox].SendMail
            .PostAsync(new SendMailPostRequestBody { Message = message, SaveToSentItems = true }, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }
}
