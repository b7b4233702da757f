namespace OfficeFlow.Functions.Grades.Policy;

/// <summary>A policy file that cannot be used; <see cref="Errors"/> names each bad entry (e.g. "catalog[4] (code '2.2'): points must be greater than 0").</summary>
public sealed class PolicyValidationException(string source, IReadOnlyList<string> errors)
    : Exception($"The grades policy '{source}' is invalid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
{
    public string PolicySource { get; } = source;

    public IReadOnlyList<string> Errors { get; } = errors;
}
