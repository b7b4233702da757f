using OfficeFlow.Functions.Grades.Computation;

namespace OfficeFlow.Functions.Grades.Policy;

/// <summary>
/// Every policy version the firm has had, by the month it took effect. A month is computed with
/// the latest version whose effectiveFrom is not after it, so re-running an old month after a
/// rule change still gives that month's pay.
/// </summary>
public sealed class PolicyLibrary
{
    private readonly List<GradesPolicy> _versions;

    public PolicyLibrary(IEnumerable<GradesPolicy> versions)
    {
        _versions = versions.OrderBy(p => p.EffectiveMonth).ToList();
        if (_versions.Count == 0)
        {
            throw new ArgumentException("At least one grades policy is required.", nameof(versions));
        }

        var duplicate = _versions.GroupBy(p => p.EffectiveMonth).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new PolicyValidationException(string.Join(", ", duplicate.Select(p => p.Version)),
                [$"effectiveFrom: two policy versions take effect in {duplicate.Key}"]);
        }
    }

    public IReadOnlyList<GradesPolicy> Versions => _versions;

    /// <summary>Loads every policy-*.json in a folder (the app ships its versions in Grades/Policy next to the binaries).</summary>
    public static PolicyLibrary LoadFolder(string folder)
    {
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "policy-*.json").Order(StringComparer.Ordinal).ToArray() : [];
        if (files.Length == 0)
        {
            throw new PolicyValidationException(folder, ["no policy-*.json file found in this folder"]);
        }

        return new PolicyLibrary(files.Select(PolicyLoader.LoadFile));
    }

    /// <summary>The folder the app's own policy files are copied to.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Grades", "Policy");

    /// <summary>Whether a version is in force in the month and its calendar covers the month's year.</summary>
    public bool Covers(GradesMonth month) =>
        _versions.LastOrDefault(p => p.EffectiveMonth <= month) is { } policy && policy.Calendar.Covers(month.Year);

    public GradesPolicy For(GradesMonth month)
    {
        var policy = _versions.LastOrDefault(p => p.EffectiveMonth <= month)
            ?? throw new InvalidOperationException($"No grades policy is in force in {month}; the first takes effect in {_versions[0].EffectiveFrom}.");
        if (!policy.Calendar.Covers(month.Year))
        {
            throw new InvalidOperationException($"The grades policy '{policy.Version}' has no production calendar for {month.Year}; add the year to calendar.years in a new policy version.");
        }

        return policy;
    }
}
