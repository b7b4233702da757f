using System.Diagnostics;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OfficeFlow.Functions.Hosting;

namespace OfficeFlow.Worker.Hosting;

/// <summary>
/// The isolated worker's composition root: ASP.NET Core integration (functions take <c>HttpRequest</c>), the same
/// capability services as the standalone host (<see cref="OfficeFlowApp.AddOfficeFlowCapabilities"/>), and the two
/// adapters every function goes through: <see cref="ApiDispatch"/> (HTTP) and <see cref="WorkerTimers"/> (timers).
/// </summary>
public static class WorkerHost
{
    public static IHost Build(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddOfficeFlowWorker(builder.Configuration);
        builder.Services.AddWorkerTelemetry(builder.Configuration);
        return builder.Build();
    }

    /// <summary>The worker's services; tests call this on their own container to construct function classes without a host.</summary>
    public static IServiceCollection AddOfficeFlowWorker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRouting();
        // The ASP.NET Core host registers these; test containers built from this method alone need them too.
        services.TryAddSingleton(_ => new DiagnosticListener("Microsoft.AspNetCore"));
        services.TryAddSingleton<DiagnosticSource>(sp => sp.GetRequiredService<DiagnosticListener>());
        services.AddOfficeFlowCapabilities(configuration, HostingMode.Worker);
        services.AddSingleton<ApiDispatch>();
        services.AddSingleton<WorkerTimers>();
        services.AddHostedService<WorkerStartupCheck>();
        return services;
    }
}
