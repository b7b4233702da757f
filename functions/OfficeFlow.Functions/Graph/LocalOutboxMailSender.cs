using System.Security.Cryptography;
using System.Text;

namespace OfficeFlow.Functions.Graph;

/// <summary>
/// Local mode's "sending": each mail becomes <c>&lt;Local:DataFolder&gt;/outbox/&lt;key&gt;.eml</c>, which any mail
/// program opens. The idempotency key names the file and the file is written once: sending the same key again
/// returns normally and leaves the first message as it was.
/// </summary>
public sealed class LocalOutboxMailSender(GraphSettings settings, TimeProvider timeProvider) : IMailSender
{
    public string OutboxFolder { get; } = Path.Combine(settings.LocalDataFolder, "outbox");

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        MailValidation.Validate(mail);
        var from = string.IsNullOrEmpty(settings.Mailbox) ? "officeflow@localhost" : settings.Mailbox;
        var content = EmlWriter.Write(mail, from, timeProvider.GetLocalNow());
        var path = PathFor(mail.IdempotencyKey);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(OutboxFolder);
        // Write a temporary file, then move it in without overwriting: the move fails if the key was sent in the
        // meantime (write once, like FileMode.CreateNew), and nobody ever sees half a message.
        var temporary = Path.Combine(OutboxFolder, $".{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(temporary, content, cancellationToken).ConfigureAwait(false);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The file for a key: the key's safe characters, plus a hash when anything had to be changed, so two keys never share a file.</summary>
    public string PathFor(string idempotencyKey)
    {
        var safe = new string(idempotencyKey.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()).TrimStart('.');
        if (safe != idempotencyKey || safe.Length > 100)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..12];
            safe = $"{safe[..Math.Min(safe.Length, 100)]}-{hash}";
        }

        return Path.Combine(OutboxFolder, safe + ".eml");
    }
}
