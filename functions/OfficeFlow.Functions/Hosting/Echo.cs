namespace OfficeFlow.Functions.Hosting;

/// <summary>
/// What a caller sent, shortened before it goes back in an error message: an unknown id is shown as its first
/// <see cref="MaxChars"/> characters and «…», so a 5 MB id never comes back as a 5 MB answer.
/// </summary>
public static class Echo
{
    public const int MaxChars = 64;

    public static string Short(string? text, int max = MaxChars)
    {
        if (string.IsNullOrEmpty(text) || text.Length <= max)
        {
            return text ?? "";
        }

        // Never cut a surrogate pair in half: the answer must stay valid UTF-16 (and so valid JSON).
        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut] + "…";
    }
}
