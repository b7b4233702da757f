using System.Text.RegularExpressions;

namespace OfficeFlow.Functions.Hosting.Catalog;

/// <summary>The Azure Functions rule for function names (they become folder names and admin URLs).</summary>
public static partial class FunctionNames
{
    /// <summary>Starts with a letter; letters, digits, '_' and '-' after it; at most 128 characters.</summary>
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
