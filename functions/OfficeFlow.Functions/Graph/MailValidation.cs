using System.Net.Mail;

namespace OfficeFlow.Functions.Graph;

/// <summary>Checks shared by both mail senders, so local mode rejects what Graph would reject.</summary>
internal static class MailValidation
{
    public static void Validate(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentException.ThrowIfNullOrWhiteSpace(mail.IdempotencyKey, nameof(mail));
        if (mail.To.Count == 0)
        {
            throw new ArgumentException($"The mail '{mail.Subject}' has no recipient.", nameof(mail));
        }

        foreach (var address in mail.To)
        {
            if (!MailAddress.TryCreate(address, out var parsed) || parsed.Address != address.Trim() || address.Contains('\r') || address.Contains('\n'))
            {
                throw new ArgumentException($"'{address}' is not an e-mail address.", nameof(mail));
            }
        }

        if (mail.Subject.Contains('\r') || mail.Subject.Contains('\n'))
        {
            throw new ArgumentException("A mail subject must be one line.", nameof(mail));
        }
    }
}
