using System.Diagnostics;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OfficeFlow.Worker.Hosting;
using OpenTelemetry.Trace;

namespace OfficeFlow.Tests.Worker;

/// <summary>
/// Application Insights is fed through OpenTelemetry (issue 12, deploy): with the connection string infra/main.bicep
/// sets, the worker's tracer provider exports with the Azure Monitor exporter to that resource; without it nothing is
/// exported.
/// </summary>
public sealed class WorkerTelemetryTests
{
    // A well-formed connection string whose ingestion endpoint is a closed loopback port: nothing leaves the machine.
    private const string ConnectionString =
        "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=http://127.0.0.1:1/;LiveEndpoint=http://127.0.0.1:1/";

    private static ServiceProvider Build(string? connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [WorkerTelemetry.ConnectionStringSetting] = connectionString })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddWorkerTelemetry(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void WithTheConnectionString_TracesAreExportedToAzureMonitor()
    {
        using var provider = Build(ConnectionString);

        Assert.True(WorkerTelemetry.IsExported(provider.GetRequiredService<IConfiguration>()));
        var tracer = provider.GetRequiredService<TracerProvider>();
        Assert.NotNull(tracer);
        // The exporter is configured from the setting the Bicep writes.
        Assert.Equal(ConnectionString, provider.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName).ConnectionString);
    }

    [Fact]
    public void WithoutIt_NothingIsExported()
    {
        using var provider = Build(null);

        Assert.False(WorkerTelemetry.IsExported(provider.GetRequiredService<IConfiguration>()));
        Assert.Null(provider.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName).ConnectionString);
    }
}
