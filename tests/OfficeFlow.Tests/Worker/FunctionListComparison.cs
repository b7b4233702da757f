using OfficeFlow.Functions.Hosting.Catalog;
using OfficeFlow.Worker.Hosting;

namespace OfficeFlow.Tests.Worker;

/// <summary>
/// Compares the worker's functions with the standalone host's <see cref="FunctionCatalog"/> in both directions: every
/// function on one side must be on the other with the same route, methods, authorization (policy) and, for timers,
/// the same schedule setting. Returns one line per difference; empty when the lists are the same.
/// </summary>
public static class FunctionListComparison
{
    public static IReadOnlyList<string> Differences(
        IReadOnlyList<HttpFunctionDefinition> catalogHttp,
        IReadOnlyList<(string Name, string ScheduleSetting)> catalogTimers,
        IReadOnlyList<WorkerHttpFunction> workerHttp,
        IReadOnlyList<WorkerTimerFunction> workerTimers)
    {
        var differences = new List<string>();
        var standalone = catalogHttp.ToDictionary(f => f.Name, f => Describe(f.Route, f.Methods, f.Authorization), StringComparer.Ordinal);
        var worker = workerHttp.ToDictionary(f => f.Name, f => Describe(f.Route, f.Methods, f.Authorization), StringComparer.Ordinal);
        Compare("HTTP function", standalone, worker, differences);
        Compare(
            "timer",
            catalogTimers.ToDictionary(t => t.Name, t => "schedule %" + t.ScheduleSetting + "%", StringComparer.Ordinal),
            workerTimers.ToDictionary(t => t.Name, t => "schedule %" + t.ScheduleSetting + "%", StringComparer.Ordinal),
            differences);
        return differences;
    }

    private static void Compare(string kind, Dictionary<string, string> standalone, Dictionary<string, string> worker, List<string> differences)
    {
        foreach (var (name, description) in standalone.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!worker.TryGetValue(name, out var other))
            {
                differences.Add($"The {kind} {name} ({description}) is in the standalone host but not in the worker.");
            }
            else if (other != description)
            {
                differences.Add($"The {kind} {name} is {description} in the standalone host but {other} in the worker.");
            }
        }

        foreach (var (name, description) in worker.Where(p => !standalone.ContainsKey(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            differences.Add($"The {kind} {name} ({description}) is in the worker but not in the standalone host.");
        }
    }

    private static string Describe(string route, IReadOnlyList<string> methods, IReadOnlyList<string> authorization) =>
        $"{string.Join(",", methods).ToUpperInvariant()} {route} [{string.Join(", ", authorization)}]";
}
