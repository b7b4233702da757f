using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Patterns;
using OfficeFlow.Functions.Hosting.Schedules;
using OfficeFlow.Functions.Hosting.Timers;

namespace OfficeFlow.Functions.Hosting.Catalog;

/// <summary>
/// The app's one list of Azure functions, read from the app itself: every endpoint under /api
/// (named with <c>.WithName</c>) is an HTTP function, every registered <see cref="ITimerFunction"/>
/// a timer function. The standalone scheduler and POST /admin/functions/{name} look timers up in it;
/// a test compares it with the worker's [Function] list. Building it fails with every problem listed
/// when an /api endpoint has no name, a name Azure rejects, names repeat or a schedule is invalid.
/// </summary>
public sealed class FunctionCatalog
{
    public const string ApiPrefix = "api";

    private readonly Dictionary<string, ITimerFunction> _timersByName;

    private FunctionCatalog(
        IReadOnlyList<HttpFunctionDefinition> http,
        IReadOnlyList<TimerFunctionDefinition> timers,
        Dictionary<string, ITimerFunction> timersByName)
    {
        HttpFunctions = http;
        TimerFunctions = timers;
        _timersByName = timersByName;
    }

    public IReadOnlyList<HttpFunctionDefinition> HttpFunctions { get; }
    public IReadOnlyList<TimerFunctionDefinition> TimerFunctions { get; }

    public IEnumerable<string> Names => HttpFunctions.Select(f => f.Name).Concat(TimerFunctions.Select(t => t.Name));

    /// <summary>The timer function and its definition by name (case-insensitive, as Azure function names are).</summary>
    public bool TryGetTimer(
        string name,
        [MaybeNullWhen(false)] out ITimerFunction function,
        [MaybeNullWhen(false)] out TimerFunctionDefinition definition)
    {
        definition = TimerFunctions.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        function = definition is null ? null : _timersByName[definition.Name];
        return definition is not null;
    }

    public static FunctionCatalog Build(IEnumerable<EndpointDataSource> dataSources, IEnumerable<ITimerFunction> timers, IConfiguration configuration)
    {
        var problems = new List<string>();
        var http = new List<HttpFunctionDefinition>();
        foreach (var endpoint in dataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var route = ApiRoute(endpoint.RoutePattern);
            if (route is null)
            {
                continue;
            }

            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods
                .Select(m => m.ToLowerInvariant()).Order(StringComparer.Ordinal).ToArray() ?? [];
            if (name is null)
            {
                problems.Add($"The endpoint /{ApiPrefix}/{route} ({Describe(methods)}) has no name: add .WithName(\"<FunctionName>\") to it; the name becomes its Azure function name.");
                continue;
            }

            if (!FunctionNames.IsValid(name))
            {
                problems.Add($"The endpoint /{ApiPrefix}/{route} is named '{name}', which is not a valid Azure function name: start with a letter, then letters and digits only.");
                continue;
            }

            if (endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null)
            {
                problems.Add($"The endpoint '{name}' has an inline authorization policy: register it by name (AuthorizationOptions.AddPolicy) and use RequireAuthorization(\"<name>\"), so the worker's function can declare the same [Authorize(\"<name>\")].");
                continue;
            }

            http.Add(new HttpFunctionDefinition(name, route, methods, Authorization(endpoint.Metadata)));
        }

        var timerDefinitions = new List<TimerFunctionDefinition>();
        var timersByName = new Dictionary<string, ITimerFunction>(StringComparer.OrdinalIgnoreCase);
        foreach (var timer in timers)
        {
            if (!FunctionNames.IsValid(timer.Name))
            {
                problems.Add($"The timer {timer.GetType().Name} is named '{timer.Name}', which is not a valid Azure function name: start with a letter, then letters and digits only.");
                continue;
            }

            var configured = string.IsNullOrEmpty(timer.ScheduleSetting) ? null : configuration[timer.ScheduleSetting];
            var (expression, source) = string.IsNullOrWhiteSpace(configured)
                ? (timer.DefaultSchedule, "default")
                : (configured, timer.ScheduleSetting);
            if (!TimerSchedule.TryParse(expression, out var schedule, out var error))
            {
                problems.Add($"The timer '{timer.Name}' has an invalid schedule (from {source}): {error}");
                continue;
            }

            timersByName.TryAdd(timer.Name, timer);
            timerDefinitions.Add(new TimerFunctionDefinition(timer.Name, schedule!, source));
        }

        foreach (var group in http.Select(f => f.Name).Concat(timerDefinitions.Select(t => t.Name))
                     .GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"The function name '{group.Key}' is used {group.Count()} times (names are case-insensitive in Azure): give each endpoint and timer its own name.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The app's function list is not deployable:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems));
        }

        return new FunctionCatalog(
            http.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray(),
            timerDefinitions.OrderBy(t => t.Name, StringComparer.Ordinal).ToArray(),
            timersByName);
    }

    /// <summary>"anonymous", or the policies the endpoint requires in order ("signed-in" for a bare RequireAuthorization()); empty when only the fallback policy applies.</summary>
    public static IReadOnlyList<string> Authorization(EndpointMetadataCollection metadata) =>
        metadata.GetMetadata<IAllowAnonymous>() is not null
            ? [HttpFunctionDefinition.Anonymous]
            : metadata.GetOrderedMetadata<IAuthorizeData>().Select(d => d.Policy ?? HttpFunctionDefinition.SignedIn).ToArray();

    /// <summary>The route without its "api/" prefix, or null when the endpoint is not under /api.</summary>
    private static string? ApiRoute(RoutePattern pattern)
    {
        var raw = (pattern.RawText ?? "").Trim('/');
        if (string.Equals(raw, ApiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return "";
        }

        return raw.StartsWith(ApiPrefix + "/", StringComparison.OrdinalIgnoreCase) ? raw[(ApiPrefix.Length + 1)..] : null;
    }

    private static string Describe(IReadOnlyList<string> methods) => methods.Count == 0 ? "any method" : string.Join(", ", methods).ToUpperInvariant();
}
