using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using OfficeFlow.Functions.Hosting.Catalog;

namespace OfficeFlow.Worker.Hosting;

/// <summary>An HTTP function of the worker, as its attributes declare it (what the Worker SDK writes to functions.metadata,
/// plus the authorization it runs with). <see cref="Route"/> has no "api/" prefix; <see cref="Methods"/> are lower case.</summary>
public sealed record WorkerHttpFunction(string Name, string Route, IReadOnlyList<string> Methods, IReadOnlyList<string> Authorization, IReadOnlyList<object> AuthorizationMetadata);

/// <summary>A timer function of the worker and the app setting its <c>%Setting%</c> schedule names.</summary>
public sealed record WorkerTimerFunction(string Name, string ScheduleSetting);

/// <summary>
/// The worker's functions, read from its <c>[Function]</c> methods: the trigger attributes and the authorization
/// attributes (<c>[Authorize("policy")]</c>, <c>[AllowAnonymous]</c>, none for the fallback policy). Every method is named
/// like its function, which is how an adapter finds its own entry (<c>[CallerMemberName]</c>).
/// </summary>
public static class WorkerFunctionList
{
    private static readonly Lazy<(IReadOnlyList<WorkerHttpFunction> Http, IReadOnlyList<WorkerTimerFunction> Timers)> Functions =
        new(() => Read(typeof(WorkerFunctionList).Assembly));

    public static IReadOnlyList<WorkerHttpFunction> Http => Functions.Value.Http;

    public static IReadOnlyList<WorkerTimerFunction> Timers => Functions.Value.Timers;

    public static (IReadOnlyList<WorkerHttpFunction> Http, IReadOnlyList<WorkerTimerFunction> Timers) Read(Assembly assembly)
    {
        var problems = new List<string>();
        var http = new List<WorkerHttpFunction>();
        var timers = new List<WorkerTimerFunction>();
        var methods = assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly));
        foreach (var method in methods)
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
            {
                continue;
            }

            if (function.Name != method.Name)
            {
                problems.Add($"{method.DeclaringType!.Name}.{method.Name} is the function '{function.Name}': name the method like the function.");
                continue;
            }

            var parameters = method.GetParameters();
            if (parameters.Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null) is { } trigger)
            {
                var anonymous = method.GetCustomAttribute<AllowAnonymousAttribute>();
                var authorize = method.GetCustomAttributes<AuthorizeAttribute>().ToArray();
                http.Add(new WorkerHttpFunction(
                    function.Name,
                    trigger.Route ?? function.Name,
                    (trigger.Methods ?? []).Select(m => m.ToLowerInvariant()).Order(StringComparer.Ordinal).ToArray(),
                    anonymous is not null ? [HttpFunctionDefinition.Anonymous] : authorize.Select(a => a.Policy ?? HttpFunctionDefinition.SignedIn).ToArray(),
                    anonymous is not null ? [anonymous] : authorize));
            }
            else if (parameters.Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).FirstOrDefault(a => a is not null) is { } timer)
            {
                var schedule = timer.Schedule;
                if (schedule.Length < 3 || schedule[0] != '%' || schedule[^1] != '%' || timer.RunOnStartup)
                {
                    problems.Add($"The timer '{function.Name}' has the schedule '{schedule}': take it from the timer's setting, e.g. \"%Grades:Schedule%\", and never RunOnStartup.");
                    continue;
                }

                timers.Add(new WorkerTimerFunction(function.Name, schedule[1..^1]));
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The worker's functions are not consistent:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems));
        }

        return (http.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray(), timers.OrderBy(t => t.Name, StringComparer.Ordinal).ToArray());
    }
}
