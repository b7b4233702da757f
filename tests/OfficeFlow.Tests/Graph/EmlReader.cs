using System.Text;
using System.Text.RegularExpressions;

namespace OfficeFlow.Tests.Graph;

/// <summary>
/// An independent, minimal RFC 5322/MIME reader for the tests: unfolds headers, decodes RFC 2047 encoded words,
/// splits multipart bodies and decodes base64 parts. It shares no code with the writer it checks.
/// </summary>
internal sealed record EmlPart(IReadOnlyDictionary<string, string> Headers, byte[] Content)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";

    public static EmlPart Parse(byte[] raw)
    {
        var text = Encoding.ASCII.GetString(raw);
        Assert.True(raw.All(b => b < 128), "an .eml must be 7-bit ASCII on the wire");
        Assert.DoesNotMatch(@"(?<!\r)\n", text); // every line ends in CRLF
        return ParseText(text);
    }

    private static EmlPart ParseText(string text)
    {
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headerBlock = split < 0 ? text : text[..split];
        var body = split < 0 ? "" : text[(split + 4)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in Regex.Replace(headerBlock, @"\r\n[ \t]+", " ").Split("\r\n"))
        {
            var colon = line.IndexOf(':');
            headers[line[..colon]] = DecodeWords(line[(colon + 1)..].Trim());
        }

        var content = headers.TryGetValue("Content-Transfer-Encoding", out var encoding) && encoding == "base64"
            ? Convert.FromBase64String(body.Replace("\r\n", "", StringComparison.Ordinal))
            : Encoding.ASCII.GetBytes(body);
        return new EmlPart(headers, content);
    }

    public IReadOnlyList<EmlPart> Parts()
    {
        var boundary = Regex.Match(Header("Content-Type"), "boundary=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEqual("", boundary);
        var body = Encoding.ASCII.GetString(Content);
        Assert.Contains($"\r\n--{boundary}--", body);
        return body.Split($"--{boundary}")
            .Skip(1)
            .TakeWhile(p => !p.StartsWith("--", StringComparison.Ordinal))
            .Select(p => ParseText(p.TrimStart('\r', '\n')))
            .ToArray();
    }

    public string Text => Encoding.UTF8.GetString(Content);

    // "=?utf-8?B?...?=" words; whitespace between adjacent encoded words is dropped (RFC 2047 section 6.2).
    private static string DecodeWords(string value)
    {
        value = Regex.Replace(value, @"(\?=)\s+(=\?)", "$1$2");
        return Regex.Replace(value, @"=\?utf-8\?B\?([^?]*)\?=", m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)), RegexOptions.IgnoreCase);
    }
}
