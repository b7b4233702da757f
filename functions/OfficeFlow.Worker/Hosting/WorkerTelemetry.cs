using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;

namespace OfficeFlow.Worker.Hosting;

/// <summary>
/// The worker's telemetry to Application Insights through OpenTelemetry: the Functions worker's own traces and logs
/// (<c>UseFunctionsWorkerDefaults</c>, which correlates them with the host's, whose host.json says
/// <c>"telemetryMode": "OpenTelemetry"</c>), exported by the Azure Monitor exporter to the resource that
/// infra/main.bicep names in <see cref="ConnectionStringSetting"/>. Without that setting (tests, a local worker) nothing
/// is exported, so nothing waits on a network that is not there.
/// </summary>
public static class WorkerTelemetry
{
    /// <summary>The Application Insights connection string (set by infra/main.bicep).</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static IServiceCollection AddWorkerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
        if (IsExported(configuration))
        {
            // The exporter reads the connection string from the same setting.
            telemetry.UseAzureMonitorExporter();
        }

        return services;
    }

    /// <summary>True when telemetry leaves the process: the app runs with an Application Insights resource.</summary>
    public static bool IsExported(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[ConnectionStringSetting]);
}
