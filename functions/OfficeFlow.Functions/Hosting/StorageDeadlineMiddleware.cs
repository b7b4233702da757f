using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Hosting;

/// <summary>
/// Gives every /api request a <see cref="StorageDeadline"/> (<c>Storage:RequestBudgetSeconds</c>, 4 s from the
/// moment it reaches the app, moved back by each answer from storage), so that a storage that never answers is
/// answered with a 503 within 5 s. Runs in both hosts: the standalone pipeline
/// (<see cref="ErrorHandling.UseOfficeFlowErrors"/>) and each worker function's (<c>OfficeFlow.Worker/Hosting/ApiDispatch</c>).
/// Only /api: the admin route starts a timer run it does not wait for, and that run must not inherit a request's deadline.
/// </summary>
public sealed class StorageDeadlineMiddleware(RequestDelegate next, TimeProvider time, IConfiguration configuration)
{
    private readonly TimeSpan _budget = StorageDeadline.BudgetFrom(configuration);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        using (StorageDeadline.Begin(_budget, time))
        {
            await next(context);
        }
    }
}
