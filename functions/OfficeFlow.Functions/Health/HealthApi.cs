using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFlow.Functions.Hosting;

namespace OfficeFlow.Functions.Health;

/// <summary>
/// GET /api/health (anonymous): the app's version and whether Table Storage answers. 200 when it
/// does, 503 when it does not (so a load balancer or run.sh sees the difference; the body says which).
/// </summary>
public static class HealthApi
{
    public static RouteGroupBuilder MapHealthApi(this RouteGroupBuilder api)
    {
        api.MapGet("/health", GetAsync)
            .WithName("Health")
            .WithSummary("Version and whether Table Storage answers: 200 when it does, 503 when it does not.")
            .Produces<HealthReport>(StatusCodes.Status200OK)
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable)
            .AllowAnonymous();
        return api;
    }

    public static async Task<JsonHttpResult<HealthReport>> GetAsync(StorageProbe probe, HostingSettings settings, CancellationToken cancellationToken)
    {
        var storageOk = await probe.AnswersAsync(settings.HealthStorageTimeout, cancellationToken);
        var report = new HealthReport(
            Status: storageOk ? "ok" : "degraded",
            Version: Version,
            Storage: storageOk ? "ok" : "unavailable",
            Mode: settings.Mode == HostingMode.Worker ? "worker" : settings.IsCustomHandler ? "custom-handler" : "standalone",
            TimeZone: settings.TimeZone.Id);
        return TypedResults.Json(report, statusCode: storageOk ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The assembly's informational version (e.g. "1.0.0+commit").</summary>
    public static string Version { get; } =
        typeof(HealthApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}

/// <summary>The body of GET /api/health.</summary>
public sealed record HealthReport(string Status, string Version, string Storage, string Mode, string TimeZone);
