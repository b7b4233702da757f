using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Contacts;

/// <summary>
/// The real app (WebApplicationFactory over Program) against the shared Azurite, in tables of its own
/// (a fresh Storage:TablePrefix), with development-mode test tokens (<see cref="TestTokens"/>); the grades ledger
/// is stood in for by <see cref="RecordingTaskRecorder"/> until the grades capability implements it.
/// </summary>
public sealed class ContactsTestHost : WebApplicationFactory<Program>
{
    public const string OwnDomain = "bizsoft-firm.ru";
    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _services;

    /// <param name="tablePrefix">Give the prefix of an earlier host to see its data (a restart); default a fresh one.</param>
    public ContactsTestHost(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null, string? tablePrefix = null, Action<IServiceCollection>? services = null)
    {
        _connectionString = azurite.ConnectionString;
        _settings = settings ?? new Dictionary<string, string?>();
        _services = services;
        TablePrefix = tablePrefix ?? AzuriteFixture.NewTablePrefix();
    }

    public string TablePrefix { get; }

    public RecordingTaskRecorder Tasks { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseTestTokens();
        builder.UseSetting("Storage:ConnectionString", _connectionString);
        builder.UseSetting("Storage:TablePrefix", TablePrefix);
        builder.UseSetting("Contacts:OwnDomains", OwnDomain);
        builder.UseSetting("Contacts:NeverLog", "noreply@sberbank.ru,spam-vendor.com");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ITaskRecorder>(Tasks);
            _services?.Invoke(services);
        });
    }

    /// <summary>A client signed in as a manager (user id "manager-1").</summary>
    public HttpClient CreateManagerClient(string userId = "manager-1", string roles = Roles.Manager)
    {
        var client = CreateClient().WithToken(userId, roles.Split(','));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }
}

/// <summary>
/// Stands in for the grades ledger and keeps every call as it came; it does not de-duplicate by itself. A repeated
/// log-email asks the ledger again on purpose (to complete what a failed attempt left out), and the ledger keeps one
/// entry per SourceId: <see cref="EntriesFor"/> says what it would hold, and checks that every repeated call was the
/// same event (same employee, client and month), so a second, different recording fails a "recorded once" test.
/// The real ledger's own de-duplication is tested against Azurite (Grades/LedgerFromLogEmailTests).
/// </summary>
public sealed class RecordingTaskRecorder : ITaskRecorder
{
    private readonly ConcurrentQueue<TaskEvent> _calls = new();

    public int Calls => _calls.Count;

    /// <summary>Every call for this task code, duplicates included (the ledger would count a SourceId once).</summary>
    public IReadOnlyList<TaskEvent> CallsFor(string taskCode) => _calls.Where(t => t.TaskCode == taskCode).ToList();

    /// <summary>The entries the ledger would hold for this task code: one per SourceId, each asserted to have been asked
    /// for with one and the same event however many times it was recorded.</summary>
    public IReadOnlyList<TaskEvent> EntriesFor(string taskCode) =>
        [.. CallsFor(taskCode).GroupBy(t => t.SourceId, StringComparer.Ordinal).Select(g =>
        {
            Assert.Single(g.Select(t => (t.EmployeeId, t.ClientId, t.At.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))).Distinct());
            return g.First();
        })];

    /// <summary>Every event recorded, duplicates included, in arrival order.</summary>
    public IReadOnlyCollection<TaskEvent> Recorded => _calls.ToArray();

    public Task RecordAsync(TaskEvent taskEvent, CancellationToken cancellationToken = default)
    {
        _calls.Enqueue(taskEvent);
        return Task.CompletedTask;
    }
}
