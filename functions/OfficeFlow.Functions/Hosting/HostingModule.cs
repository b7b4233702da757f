using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using OfficeFlow.Functions.Health;
using OfficeFlow.Functions.Hosting.Catalog;
using OfficeFlow.Functions.Hosting.Timers;

namespace OfficeFlow.Functions.Hosting;

/// <summary>
/// The hosting part of the composition root: where the standalone host listens,
/// the function catalog, the timer machinery, health, OpenAPI, ProblemDetails and logging.
/// </summary>
public static class HostingModule
{
    /// <summary>What every host needs: the clock, the hosting settings, the timer runner, the health probe, ProblemDetails and OpenAPI.</summary>
    public static IServiceCollection AddOfficeFlowCore(this IServiceCollection services, HostingMode mode = HostingMode.Standalone)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => HostingSettings.From(sp.GetRequiredService<IConfiguration>(), mode));
        services.TryAddSingleton<TimerRunner>();
        services.TryAddSingleton<StorageProbe>();
        // The first hosted service of all (the host constructs them in order), so a bad setting stops the start before any other is built.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, Settings.SettingsStartupCheck>());
        services.AddOfficeFlowProblemDetails();
        services.AddOfficeFlowRateLimits();
        services.AddOpenApi(options => options.AddSchemaTransformer<OpenApiRequiresAnyOf>().AddDocumentTransformer<OpenApiExamples>());
        return services;
    }

    /// <summary>The standalone host's own parts: where it listens, the function catalog, the timer scheduler and its status store, console logging.</summary>
    public static WebApplicationBuilder AddOfficeFlowHosting(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<FunctionCatalogAccessor>();
        services.TryAddSingleton<IScheduleStatusStore, TableScheduleStatusStore>();
        services.AddHostedService<TimerScheduler>();

        // One JSON object per line outside Development, for the Functions host and log collectors.
        services.AddOptions<ConsoleLoggerOptions>().Configure<IHostEnvironment>((options, environment) =>
        {
            if (!environment.IsDevelopment())
            {
                options.FormatterName = ConsoleFormatterNames.Json;
            }
        });

        // Read when Kestrel starts, so that settings from every source apply; tests use TestServer instead.
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var settings = HostingSettings.From(context.Configuration);
            var host = settings.StandaloneUrl.Host.Trim('[', ']');
            kestrel.Listen(IPAddress.TryParse(host, out var ip) ? ip : IPAddress.Loopback, settings.StandaloneUrl.Port);
            if (settings.AddinHttpsUrl is { } https)
            {
                ListenHttps(kestrel, https);
            }
        });
        return builder;
    }

    /// <summary>The same app on https with the development certificate, for sideloading the add-in ("localhost": both loopback addresses).</summary>
    private static void ListenHttps(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, Uri https)
    {
        var certificate = DevCertificate.Require(https);
        var host = https.Host.Trim('[', ']');
        if (IPAddress.TryParse(host, out var ip))
        {
            kestrel.Listen(ip, https.Port, listen => listen.UseHttps(certificate));
        }
        else
        {
            kestrel.ListenLocalhost(https.Port, listen => listen.UseHttps(certificate));
        }
    }

    /// <summary>Error handling first, so that everything after it (auth included) answers with ProblemDetails.</summary>
    public static WebApplication UseOfficeFlowHosting(this WebApplication app) => app.UseOfficeFlowErrors();

    /// <summary>Maps POST /admin/functions/{name}, which runs a timer now (the standalone host's stand-in for the Functions host's admin API).</summary>
    public static WebApplication MapOfficeFlowHosting(this WebApplication app)
    {
        app.MapAdminFunctionsApi();
        return app;
    }

    /// <summary>Reads the function catalog from the mapped endpoints and timers; throws, listing every problem, when it is not deployable.</summary>
    public static FunctionCatalog BuildFunctionCatalog(this WebApplication app)
    {
        var catalog = FunctionCatalog.Build(
            ((IEndpointRouteBuilder)app).DataSources,
            app.Services.GetServices<ITimerFunction>(),
            app.Configuration);
        app.Services.GetRequiredService<FunctionCatalogAccessor>().Set(catalog);
        return catalog;
    }
}
