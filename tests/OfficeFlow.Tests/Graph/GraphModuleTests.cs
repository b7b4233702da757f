using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using OfficeFlow.Functions.Graph;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Graph;

/// <summary>What AddGraph registers for each configuration, started as a host so the start-up check runs.</summary>
public sealed class GraphModuleTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "officeflow-graphmodule-" + Guid.NewGuid().ToString("N"));
    private readonly ListLogger _log = new();

    public void Dispose()
    {
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    private async Task<IHost> StartAsync(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings).AddInMemoryCollection(new Dictionary<string, string?> { ["Local:DataFolder"] = _dataFolder });
        builder.Logging.ClearProviders().AddProvider(_log);
        builder.Services.AddGraph(builder.Configuration);
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    [Fact]
    public async Task WithoutGraphSettings_UsesLocalFolders_AndSaysSoOnceInTheLog()
    {
        using var host = await StartAsync(new Dictionary<string, string?>());

        Assert.IsType<LocalOutboxMailSender>(host.Services.GetRequiredService<IMailSender>());
        Assert.IsType<LocalFolderDocumentStore>(host.Services.GetRequiredService<IDocumentStore>());
        Assert.False(host.Services.GetRequiredService<GraphSettings>().IsConfigured);
        var line = Assert.Single(_log.Lines, l => l.Contains("local mode", StringComparison.Ordinal));
        Assert.Contains(Path.Combine(_dataFolder, "outbox"), line);
        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<GraphServiceClient>());
        Assert.Contains("not configured", error.Message);
    }

    [Theory]
    [InlineData("Graph:ClientSecret")]
    [InlineData("Graph:Mailbox")]
    [InlineData("Graph:TenantId")]
    public async Task HalfAConfiguration_StopsStartUp_NamingTheMissingSetting(string missing)
    {
        await using var stub = await GraphStub.StartAsync();
        var settings = GraphTestClient.Settings(stub).Where(s => s.Key != missing).ToDictionary();

        var error = await Assert.ThrowsAsync<GraphConfigurationException>(() => StartAsync(settings));
        Assert.StartsWith($"{missing} is missing", error.Message);
    }

    [Fact]
    public async Task WithGraphSettings_TheRegisteredSenderAndStoreTalkToGraph_WithTheAppToken()
    {
        await using var stub = await GraphStub.StartAsync();
        stub.OnJson("POST", "/v1.0/users/{mailbox}/sendMail", 202);
        stub.OnJson("PUT", "/v1.0/drives/{driveId}/root:/{*path}:/content", 201, new { id = "1", webUrl = "https://firm.sharepoint.com/x" });
        using var host = await StartAsync(GraphTestClient.Settings(stub), services => services.UseStubCredential("app-token-1"));

        await host.Services.GetRequiredService<IMailSender>().SendAsync(new OutgoingMail(["a@b.example"], "Тема", "<p>Текст</p>", "k1"));
        var stored = await host.Services.GetRequiredService<IDocumentStore>().SaveAsync("Contracts", "c.docx", new byte[] { 1 });

        Assert.Equal("https://firm.sharepoint.com/x", stored.Location);
        Assert.Equal(2, stub.Requests.Count);
        Assert.All(stub.Requests, r => Assert.Equal("Bearer app-token-1", r.Header("Authorization")));
        Assert.Equal("/v1.0/users/office@firm.example/sendMail", stub.Requests[0].Path);
        Assert.Contains(_log.Lines, l => l.Contains("mailbox office@firm.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutDriveId_MailGoesThroughGraph_DocumentsStayLocal_AndTheLogWarns()
    {
        await using var stub = await GraphStub.StartAsync();
        var settings = GraphTestClient.Settings(stub).Where(s => s.Key != "Graph:DriveId").ToDictionary();
        using var host = await StartAsync(settings, services => services.UseStubCredential());

        Assert.IsType<GraphMailSender>(host.Services.GetRequiredService<IMailSender>());
        Assert.IsType<LocalFolderDocumentStore>(host.Services.GetRequiredService<IDocumentStore>());
        Assert.Contains(_log.Lines, l => l.StartsWith("Graph:DriveId is not set", StringComparison.Ordinal));
    }

    [Fact]
    public void ManagedIdentityAsDeployedByInfra_NeedsNoSecret_AndTakesTheApiClientIdForOnBehalfOf()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:TenantId"] = "11111111-2222-3333-4444-555555555555",
            ["Auth:Audience"] = "api://aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
            ["Graph:TenantId"] = "11111111-2222-3333-4444-555555555555",
            ["Graph:UseManagedIdentity"] = "true",
            ["Graph:Mailbox"] = "office@firm.example",
            ["AZURE_CLIENT_ID"] = "user-assigned-identity-id",
        }).Build();

        var settings = GraphSettings.Load(configuration);

        Assert.True(settings.IsConfigured);
        Assert.True(settings.CanActOnBehalfOfUsers);
        Assert.Equal("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", settings.ClientId);
        Assert.Equal("user-assigned-identity-id", settings.ManagedIdentityClientId);
        Assert.Equal("https://graph.microsoft.com/.default", settings.DefaultScope);
    }

    private sealed class ListLogger : ILoggerProvider, ILogger
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lines)
            {
                _lines.Add(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
