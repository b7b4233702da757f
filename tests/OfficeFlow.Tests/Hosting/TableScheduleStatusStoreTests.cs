using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OfficeFlow.Functions.Hosting.Timers;
using OfficeFlow.Functions.Storage;
using Azure.Data.Tables;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Hosting;

/// <summary>Schedule status in Table Storage (real Azurite), and the app's health against it.</summary>
public sealed class TableScheduleStatusStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string DownConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    // The "storage down" case would otherwise spend seconds in Azure.Core's retries.
    private static readonly TableClientOptions NoRetries = new() { Retry = { MaxRetries = 0 } };

    private readonly string _prefix = AzuriteFixture.NewTablePrefix();
    private readonly List<IDisposable> _disposables = [];

    public void Dispose() => _disposables.ForEach(d => d.Dispose());

    private TableScheduleStatusStore CreateStore(string connectionString, ILogger<TableScheduleStatusStore>? logger = null)
    {
        var services = new ServiceCollection()
            .AddSingleton(new TableStore(new TableServiceClient(connectionString, NoRetries), _prefix))
            .BuildServiceProvider();
        _disposables.Add(services);
        return new TableScheduleStatusStore(services, logger ?? NullLogger<TableScheduleStatusStore>.Instance);
    }

    [Fact]
    public async Task SavedStatus_IsReadBackByANewStore_AsAfterARestart()
    {
        var status = new ScheduleStatus(
            DateTimeOffset.Parse("2026-03-02T10:05:00Z"), DateTimeOffset.Parse("2026-03-02T10:10:00Z"), DateTimeOffset.Parse("2026-03-02T10:05:00.25Z"));

        await CreateStore(azurite.ConnectionString).SaveAsync("MailboxSync", status, default);
        var read = await CreateStore(azurite.ConnectionString).GetAsync("MailboxSync", default);

        Assert.Equal(status, read);
        Assert.Null(await CreateStore(azurite.ConnectionString).GetAsync("NeverRan", default));
    }

    [Fact]
    public async Task SavedStatus_BeforeTheFirstRun_KeepsLastEmpty()
    {
        var status = new ScheduleStatus(null, DateTimeOffset.Parse("2026-03-02T10:10:00Z"), DateTimeOffset.Parse("2026-03-02T10:02:00Z"));

        await CreateStore(azurite.ConnectionString).SaveAsync("Fresh", status, default);

        Assert.Equal(status, await CreateStore(azurite.ConnectionString).GetAsync("Fresh", default));
    }

    [Fact]
    public async Task StatusIsStoredInTheTimerSchedulesTable()
    {
        await CreateStore(azurite.ConnectionString).SaveAsync("Visible", new ScheduleStatus(null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), default);

        var table = azurite.CreateServiceClient().GetTableClient(_prefix + TableScheduleStatusStore.TableName);
        var row = await table.FindAsync<TableEntity>("Visible", "status");

        Assert.NotNull(row);
    }

    [Fact]
    public async Task StorageDown_KeepsWorkingInMemory_AndSaysSo()
    {
        var logger = new ListLogger<TableScheduleStatusStore>();
        var store = CreateStore(DownConnectionString, logger);
        var status = new ScheduleStatus(null, DateTimeOffset.Parse("2026-03-02T10:10:00Z"), DateTimeOffset.Parse("2026-03-02T10:02:00Z"));

        await store.SaveAsync("Offline", status, default);

        Assert.Equal(status, await store.GetAsync("Offline", default));
        Assert.Contains(logger.Messages, m => m.Level == LogLevel.Warning && m.Text.Contains("keeping it in memory", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scheduler_RestartedWithTableStorage_RunsTheMissedOccurrenceAsPastDue()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.Parse("2026-03-02T10:02:30Z"));
        OfficeFlowApiFactory App() => new OfficeFlowApiFactory()
            .WithSetting("Storage:ConnectionString", azurite.ConnectionString)
            .WithSetting("Storage:TablePrefix", _prefix)
            .WithSetting("Hosting:RunTimers", "true")
            .WithSetting("WEBSITE_TIME_ZONE", "UTC")
            .WithTimeProvider(clock)
            .WithServices(s => s.AddTimerFunction<RecordingTimer>());

        using (var first = App())
        {
            first.CreateClient();
            // Until TestTick's own status is stored: waiting for any armed timer let the app stop while another timer
            // had armed first and TestTick's status was still being written, and the restart then saw a first start.
            var store = CreateStore(azurite.ConnectionString);
            var saved = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (await store.GetAsync(RecordingTimer.FunctionName, default) is null)
            {
                Assert.True(DateTime.UtcNow < saved, "The first app never stored TestTick's schedule status.");
                await Task.Delay(20);
            }
        }

        clock.Advance(TimeSpan.FromMinutes(10));
        using var second = App();
        second.CreateClient();
        var run = await second.Services.GetRequiredService<RecordingTimer>().NextRunAsync();

        Assert.True(run.IsPastDue);
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T10:05:00Z"), run.ScheduleNext);
    }

    [Fact]
    public async Task Health_WithAzurite_Answers200StorageOk()
    {
        using var factory = new OfficeFlowApiFactory()
            .WithSetting("Storage:ConnectionString", azurite.ConnectionString)
            .WithSetting("Storage:TablePrefix", _prefix);

        var response = await factory.CreateClient().GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ok", report.GetProperty("storage").GetString());
        Assert.Equal("ok", report.GetProperty("status").GetString());
    }

    private sealed class ListLogger<T> : ILogger<T>
    {
        public List<(LogLevel Level, string Text)> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Messages)
            {
                Messages.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
