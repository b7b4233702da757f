using Microsoft.AspNetCore.Http.HttpResults;

namespace OfficeFlow.Functions.Hosting.Downloads;

/// <summary>
/// Every download answers <c>Content-Disposition: attachment; filename="Dogovor 2026-0001 OOO Romashka.docx";
/// filename*=UTF-8''%D0%94%D0%BE…</c> (RFC 6266 with RFC 8187): browsers and curl -J that read filename* save the
/// Russian name, older clients the transliterated ASCII one. ASP.NET Core's own fileDownloadName writes underscores
/// for every Cyrillic letter in the fallback, so the header is written here and the file result is given no name.
/// </summary>
public static class DownloadHeaders
{
    public static FileContentHttpResult File(HttpContext http, byte[] contents, string contentType, string fileName)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.ContentDisposition = ContentDisposition(fileName);
        return TypedResults.File(contents, contentType);
    }

    public static string ContentDisposition(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var fallback = RussianTransliteration.ToAscii(fileName);
        // Uri.EscapeDataString leaves only RFC 3986 unreserved characters, all of which are RFC 8187 attr-chars.
        return $"attachment; filename=\"{fallback}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }
}
