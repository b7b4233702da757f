using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Hosting.Catalog;

namespace OfficeFlow.Functions.Hosting.Timers;

/// <summary>
/// POST /admin/functions/{name} (admin role): runs a timer function now, like the Functions host's
/// admin API. As there, the answer is 202 Accepted as soon as the run has started; it does not
/// wait for the run, whose outcome goes to the app's log. A manual run gets IsPastDue = false and
/// the current schedule status, and does not move the schedule. Standalone mode only (under the
/// host, use the host's own admin API with the master key).
/// </summary>
public static class AdminFunctionsApi
{
    public static IEndpointRouteBuilder MapAdminFunctionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/functions/{name}", RunNowAsync)
            .WithName("AdminRunFunction")
            .WithSummary("Runs a timer function now (standalone mode); answers 202 without waiting for the run.")
            .RequireAuthorization(Roles.Admin);
        return app;
    }

    public static async Task<Results<Accepted<AdminRunAccepted>, ProblemHttpResult>> RunNowAsync(
        string name,
        FunctionCatalogAccessor catalog,
        TimerRunner runner,
        IScheduleStatusStore store,
        IHostApplicationLifetime lifetime,
        CancellationToken cancellationToken)
    {
        if (!catalog.Catalog.TryGetTimer(name, out var function, out var definition))
        {
            var http = catalog.Catalog.HttpFunctions.Any(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
                ? $" '{Echo.Short(name)}' is an HTTP function: call its route instead."
                : "";
            return Problems.NotFound($"There is no timer function named '{Echo.Short(name)}'.{http} Timers: {Problems.List(catalog.Catalog.TimerFunctions.Select(t => t.Name))}.");
        }

        var status = await store.GetAsync(definition.Name, cancellationToken);
        // Runs beyond this request (its token ends with the response) until the app stops.
        _ = Task.Run(() => RunQuietlyAsync(runner, function, status, lifetime.ApplicationStopping), CancellationToken.None);
        return TypedResults.Accepted((string?)null, new AdminRunAccepted(definition.Name, "started"));
    }

    private static async Task RunQuietlyAsync(TimerRunner runner, ITimerFunction function, ScheduleStatus? status, CancellationToken stopping)
    {
        try
        {
            await runner.RunAsync(function, isPastDue: false, status, "admin", stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The app is stopping; the runner has logged the start, and nobody waits for this run.
        }
    }
}

/// <summary>The 202 answer of POST /admin/functions/{name}.</summary>
public sealed record AdminRunAccepted(string Name, string Status);
