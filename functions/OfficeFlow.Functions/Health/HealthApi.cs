using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFlow.Functions.Hosting;

namespace OfficeFlow.Functions.Health;

/// <summary>
/// GET /api/health (anonymous): whether Table Storage answers, and the app's version for a signed-in caller. 200 when it
/// does, 503 when it does not (so a load balancer or run.sh sees the difference; the body says which).
/// </summary>
public static class HealthApi
{
    public static RouteGroupBuilder MapHealthApi(this RouteGroupBuilder api)
    {
        api.MapGet("/health", GetAsync)
            .WithName("Health")
            .WithSummary("Whether Table Storage answers: 200 when it does, 503 when it does not; the version only for a signed-in caller.")
            .Produces<HealthReport>(StatusCodes.Status200OK)
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable)
            .AllowAnonymous();
        return api;
    }

    public static async Task<JsonHttpResult<HealthReport>> GetAsync(StorageProbe probe, HostingSettings settings, HttpContext http, CancellationToken cancellationToken)
    {
        // The build's version and commit help an attacker match known flaws: only a signed-in OfficeFlow user sees them.
        var signedIn = http.User.Identity?.IsAuthenticated == true && http.User.FindAll(Auth.CurrentUser.RoleClaim).Any();
        var storageOk = await probe.AnswersAsync(settings.HealthStorageTimeout, cancellationToken);
        var report = new HealthReport(
            Status: storageOk ? "ok" : "degraded",
            Version: signedIn ? Version : null,
            Storage: storageOk ? "ok" : "unavailable",
            Mode: settings.Mode == HostingMode.Worker ? "worker" : "standalone",
            TimeZone: settings.TimeZone.Id);
        return TypedResults.Json(report, statusCode: storageOk ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The assembly's informational version (e.g. "1.0.0+commit").</summary>
    public static string Version { get; } =
        typeof(HealthApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}

/// <summary>The body of GET /api/health. <see cref="Version"/> is null for anonymous callers.</summary>
public sealed record HealthReport(string Status, string? Version, string Storage, string Mode, string TimeZone);
