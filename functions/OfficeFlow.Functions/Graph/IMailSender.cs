namespace OfficeFlow.Functions.Graph;

/// <summary>Sends mail from the firm's shared mailbox: Graph sendMail in Azure, a local outbox folder in local mode.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}

/// <summary>A mail to send. <see cref="IdempotencyKey"/> names the send, so a local outbox writes it once.</summary>
public sealed record OutgoingMail(
    IReadOnlyList<string> To,
    string Subject,
    string HtmlBody,
    string IdempotencyKey,
    IReadOnlyList<MailAttachment>? Attachments = null);

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
