using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OfficeFlow.Functions.Hosting.Catalog;
using OfficeFlow.Functions.Hosting.Timers;

namespace OfficeFlow.Tests.Infrastructure;

/// <summary>
/// The real app (Program, OfficeFlowApp.Build) on an in-memory TestServer, for endpoint tests.
/// Configure before the first CreateClient()/Services call:
/// <list type="bullet">
/// <item><see cref="WithSetting"/>: any configuration key, e.g. Storage:ConnectionString from the Azurite fixture,
/// Auth:DevSigningKey for the auth helper's dev tokens (<see cref="WithDevSigningKey"/>), a timer's schedule setting;</item>
/// <item><see cref="WithServices"/>: register or replace services (runs after the app's own registrations);</item>
/// <item><see cref="WithTimeProvider"/>: the clock every TimeProvider consumer gets (e.g. <see cref="ManualTimeProvider"/>).</item>
/// </list>
/// Defaults: its own Storage:TablePrefix (so factories never share rows), the standalone timer
/// scheduler off (Hosting:RunTimers=false; turn it on with WithSetting when a test wants it), environment Development.
/// </summary>
public class OfficeFlowApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Hosting:RunTimers"] = "false",
        ["Storage:TablePrefix"] = "t" + Guid.NewGuid().ToString("N")[..12],
    };

    private readonly List<Action<IServiceCollection>> _services = [];
    private TimeProvider? _timeProvider;
    private string _environment = "Development";

    public OfficeFlowApiFactory(IDictionary<string, string?>? settings = null)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The table prefix this factory's app uses (set by default, overridable with WithSetting).</summary>
    public string TablePrefix => _settings["Storage:TablePrefix"]!;

    public OfficeFlowApiFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public OfficeFlowApiFactory WithSettings(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }

        return this;
    }

    /// <summary>The local signing key the auth module uses for development tokens.</summary>
    public OfficeFlowApiFactory WithDevSigningKey(string key) => WithSetting("Auth:DevSigningKey", key);

    public OfficeFlowApiFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>The host environment (Development unless set).</summary>
    public OfficeFlowApiFactory WithEnvironment(string environment)
    {
        _environment = environment;
        return this;
    }

    public OfficeFlowApiFactory WithTimeProvider(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        return this;
    }

    /// <summary>
    /// Runs a timer function of the app once, now, the way every trigger runs it, and waits for it
    /// (unlike POST /admin/functions/{name}, which does not wait): the result says whether it
    /// succeeded and holds the log lines the host would receive.
    /// </summary>
    public async Task<TimerRunResult> RunTimerAsync(string name, bool isPastDue = false, ScheduleStatus? status = null, CancellationToken cancellationToken = default)
    {
        var catalog = Services.GetRequiredService<FunctionCatalogAccessor>().Catalog;
        if (!catalog.TryGetTimer(name, out var function, out _))
        {
            throw new ArgumentException($"The app has no timer function named '{name}'; timers: {string.Join(", ", catalog.TimerFunctions.Select(t => t.Name))}.", nameof(name));
        }

        return await Services.GetRequiredService<TimerRunner>().RunAsync(function, isPastDue, status, "test", cancellationToken);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureTestServices(services =>
        {
            if (_timeProvider is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(_timeProvider);
            }

            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }
}
