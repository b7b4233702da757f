namespace OfficeFlow.Functions.Contracts;

/// <summary>
/// Where an archived contract is, as callers may see it: a web URL (Graph) or a path relative to the archive root.
/// Contracts archived before locations were relative still hold an absolute server path; only its file name is shown.
/// </summary>
public static class ArchiveLocation
{
    public static string? ForCaller(string? location)
    {
        if (string.IsNullOrEmpty(location) || Uri.TryCreate(location, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return location;
        }

        return Path.IsPathRooted(location) || location.Contains('\\', StringComparison.Ordinal) ? Path.GetFileName(location.Replace('\\', '/')) : location;
    }
}
