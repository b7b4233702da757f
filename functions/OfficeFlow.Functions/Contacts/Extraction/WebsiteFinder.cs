using System.Text.RegularExpressions;

namespace OfficeFlow.Functions.Contacts.Extraction;

/// <summary>Finds the company website in signature lines, ignoring e-mail addresses and social-network links.</summary>
internal static partial class WebsiteFinder
{
    private static readonly HashSet<string> NotACompanySite = new(StringComparer.OrdinalIgnoreCase)
    {
        "vk.com", "t.me", "facebook.com", "linkedin.com", "instagram.com", "wa.me", "youtube.com", "twitter.com", "x.com", "ok.ru",
    };

    public static string? Find(IReadOnlyList<string> signature)
    {
        foreach (var line in signature)
        {
            var withoutEmails = Email().Replace(line, " ");
            foreach (Match match in Host().Matches(withoutEmails))
            {
                var host = match.Groups["host"].Value.ToLowerInvariant();
                if (host.StartsWith("www.", StringComparison.Ordinal))
                {
                    host = host[4..];
                }

                if (!NotACompanySite.Contains(host))
                {
                    return host;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"[^\s<>()""'«»]+@[^\s<>()""'«»]+")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\p{L}\d.\-])(?:https?://)?(?<host>(?:[\p{L}\d][\p{L}\d\-]*\.)+(?:ru|com|net|org|su|рф|io|biz|info|pro|online|tech|de|uk|eu|by|kz|ua|co))(?![\p{L}\d\-])", RegexOptions.IgnoreCase)]
    private static partial Regex Host();
}
