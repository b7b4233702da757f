using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFlow.Functions.Hosting.Catalog;

namespace OfficeFlow.Functions.Hosting.Timers;

/// <summary>
/// POST /{FunctionName}: how the Functions host invokes a timer function of a custom handler.
/// Mapped only in custom-handler mode and anonymous, because only the local host reaches the
/// handler's port (127.0.0.1). Answers 200 with the run's log lines, or 500 with them when the
/// run failed (the host then records a failed invocation); no exception text is sent.
/// </summary>
public static class CustomHandlerTimerApi
{
    public static IEndpointRouteBuilder MapCustomHandlerTimers(this IEndpointRouteBuilder app)
    {
        app.MapPost("/{functionName}", InvokeAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<JsonHttpResult<HostInvocationResponse>, ProblemHttpResult>> InvokeAsync(
        string functionName,
        HostInvocationRequest request,
        FunctionCatalogAccessor catalog,
        TimerRunner runner,
        CancellationToken cancellationToken)
    {
        if (!catalog.Catalog.TryGetTimer(functionName, out var function, out _))
        {
            return Problems.NotFound($"There is no timer function named '{Echo.Short(functionName)}'. Timers: {Problems.List(catalog.Catalog.TimerFunctions.Select(t => t.Name))}.");
        }

        if (HostTimerInfo.From(request) is not { } timer)
        {
            return Problems.BadRequest($"The invocation has no timer binding: expected Data.{HostTimerInfo.BindingName} with the host's TimerInfo (IsPastDue, ScheduleStatus).");
        }

        var result = await runner.RunAsync(function, timer.IsPastDue, timer.Status, "Functions host", cancellationToken);
        return TypedResults.Json(
            new HostInvocationResponse(new Dictionary<string, object?>(), result.Logs, null),
            statusCode: result.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError);
    }
}
