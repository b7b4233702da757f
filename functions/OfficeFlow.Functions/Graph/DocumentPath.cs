namespace OfficeFlow.Functions.Graph;

/// <summary>Checks a document's folder and file name before either store uses them, so no caller can escape the document root.</summary>
internal static class DocumentPath
{
    private static readonly char[] Forbidden = ['\\', ':', '*', '?', '"', '<', '>', '|', '#', '%'];

    /// <summary>The folder's segments (split on '/'), each checked; an empty folder means the root.</summary>
    public static string[] Segments(string folder, string fileName)
    {
        ArgumentNullException.ThrowIfNull(folder);
        CheckName(fileName, nameof(fileName));
        var segments = folder.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var segment in segments)
        {
            CheckName(segment, nameof(folder));
        }

        return segments;
    }

    private static void CheckName(string name, string parameter)
    {
        if (string.IsNullOrWhiteSpace(name) || name is "." or ".." || name.Trim() != name || name.EndsWith('.')
            || name.IndexOfAny(Forbidden) >= 0 || name.Contains('/') || name.Any(char.IsControl))
        {
            throw new ArgumentException($"'{name}' cannot be used as a document or folder name: avoid / \\ : * ? \" < > | # %, control characters, leading or trailing spaces and a trailing dot.", parameter);
        }
    }
}
