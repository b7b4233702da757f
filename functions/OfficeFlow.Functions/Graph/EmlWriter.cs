using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OfficeFlow.Functions.Graph;

/// <summary>
/// Writes an <see cref="OutgoingMail"/> as an RFC 5322 message (.eml) that mail programs open: headers in ASCII
/// with non-ASCII text as RFC 2047 encoded words, the HTML body and attachments base64 in a multipart/mixed body.
/// </summary>
internal static class EmlWriter
{
    private const string Crlf = "\r\n";

    public static byte[] Write(OutgoingMail mail, string from, DateTimeOffset date)
    {
        var text = new StringBuilder();
        Header(text, "From", from);
        Header(text, "To", string.Join(", ", mail.To));
        Header(text, "Subject", EncodeWord(mail.Subject));
        Header(text, "Date", date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + date.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal));
        Header(text, "Message-ID", $"<{Hash(mail.IdempotencyKey)}@officeflow.local>");
        Header(text, GraphMailSender.KeyHeader, EncodeWord(mail.IdempotencyKey));
        Header(text, "MIME-Version", "1.0");

        var attachments = mail.Attachments ?? [];
        if (attachments.Count == 0)
        {
            HtmlPart(text, mail.HtmlBody);
            return Encoding.ASCII.GetBytes(text.ToString());
        }

        var boundary = "=_officeflow_" + Hash(mail.IdempotencyKey);
        Header(text, "Content-Type", $"multipart/mixed; boundary=\"{boundary}\"");
        text.Append(Crlf).Append("This is a multi-part message in MIME format.").Append(Crlf);
        text.Append("--").Append(boundary).Append(Crlf);
        HtmlPart(text, mail.HtmlBody);
        foreach (var attachment in attachments)
        {
            text.Append(Crlf).Append("--").Append(boundary).Append(Crlf);
            var name = EncodeWord(attachment.FileName);
            Header(text, "Content-Type", $"{attachment.ContentType}; name=\"{name}\"");
            Header(text, "Content-Disposition", $"attachment; filename=\"{name}\"");
            Header(text, "Content-Transfer-Encoding", "base64");
            text.Append(Crlf);
            Base64Lines(text, attachment.Content);
        }

        text.Append(Crlf).Append("--").Append(boundary).Append("--").Append(Crlf);
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static void HtmlPart(StringBuilder text, string html)
    {
        Header(text, "Content-Type", "text/html; charset=utf-8");
        Header(text, "Content-Transfer-Encoding", "base64");
        text.Append(Crlf);
        Base64Lines(text, Encoding.UTF8.GetBytes(html));
    }

    private static void Header(StringBuilder text, string name, string value) => text.Append(name).Append(": ").Append(value).Append(Crlf);

    // RFC 2047 "B" encoded words of at most 75 characters each, split between whole UTF-8 characters.
    internal static string EncodeWord(string value)
    {
        if (value.All(c => c is >= ' ' and <= '~') && !value.Contains("=?", StringComparison.Ordinal))
        {
            return value;
        }

        var words = new List<string>();
        var chunk = new StringBuilder();
        foreach (var rune in value.EnumerateRunes())
        {
            if (Encoding.UTF8.GetByteCount(chunk.ToString() + rune) > 45)
            {
                words.Add(Word(chunk.ToString()));
                chunk.Clear();
            }

            chunk.Append(rune.ToString());
        }

        words.Add(Word(chunk.ToString()));
        return string.Join(Crlf + " ", words);

        static string Word(string part) => "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(part)) + "?=";
    }

    private static void Base64Lines(StringBuilder text, byte[] content)
    {
        var base64 = Convert.ToBase64String(content);
        for (var i = 0; i < base64.Length; i += 76)
        {
            text.Append(base64, i, Math.Min(76, base64.Length - i)).Append(Crlf);
        }
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];
}
