using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OfficeFlow.Functions.Hosting.Timers;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Hosting;

/// <summary>The app's own scheduler (standalone mode) on a manual clock: the test timer runs every 5 minutes (UTC here).</summary>
public sealed class StandaloneSchedulerTests : IDisposable
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-03-02T10:02:30Z");

    private readonly ManualTimeProvider _clock = new(Start);
    private readonly InMemoryScheduleStatusStore _store = new();
    private readonly List<OfficeFlowApiFactory> _factories = [];

    public void Dispose()
    {
        foreach (var factory in _factories)
        {
            factory.Dispose();
        }
    }

    private OfficeFlowApiFactory StartApp(string timeZone = "UTC")
    {
        var factory = new OfficeFlowApiFactory()
            .WithSetting("Hosting:RunTimers", "true")
            .WithSetting("WEBSITE_TIME_ZONE", timeZone)
            .WithTimeProvider(_clock)
            .WithServices(s =>
            {
                // Only the test timer on the manual clock: the capabilities' own timers (e.g. MailboxSync) would
                // also arm timers and make WaitForTimersAsync() return before this one is armed.
                s.RemoveAll<ITimerFunction>();
                s.AddTimerFunction<RecordingTimer>();
                s.RemoveAll<IScheduleStatusStore>();
                s.AddSingleton<IScheduleStatusStore>(_store);
            });
        _factories.Add(factory);
        factory.CreateClient();
        return factory;
    }

    private static RecordingTimer TimerOf(OfficeFlowApiFactory factory) => factory.Services.GetRequiredService<RecordingTimer>();

    [Fact]
    public async Task Scheduler_RunsTheTimerOnItsSchedule_NotBefore()
    {
        var timer = TimerOf(StartApp());
        await _clock.WaitForTimersAsync();
        // The scheduler waits for exactly the next occurrence. Advance fires due timers synchronously, so a timer still
        // armed for 10:05 after moving to 10:04:59 has not fired (no sleep-and-hope: a wrong due time fails here).
        var due = DateTimeOffset.Parse("2026-03-02T10:05:00Z");
        Assert.Equal(due, _clock.NextDue);

        _clock.Advance(TimeSpan.FromSeconds(149));
        Assert.Equal(due, _clock.NextDue);
        Assert.False(timer.TryGetRun(out _));

        _clock.Advance(TimeSpan.FromSeconds(1));
        var run = await timer.NextRunAsync();

        Assert.Equal(DateTimeOffset.Parse("2026-03-02T10:05:00Z"), _clock.GetUtcNow());
        Assert.False(run.IsPastDue);
    }

    [Fact]
    public async Task Scheduler_FillsScheduleStatusAsTheHostDoes()
    {
        var timer = TimerOf(StartApp());

        await _clock.WaitForTimersAsync();
        _clock.Advance(TimeSpan.FromMinutes(2.5));
        var first = await timer.NextRunAsync();
        await _clock.WaitForTimersAsync();
        _clock.Advance(TimeSpan.FromMinutes(5));
        var second = await timer.NextRunAsync();

        Assert.Null(first.ScheduleLast);
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T10:05:00Z"), first.ScheduleNext);
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T10:05:00Z"), second.ScheduleLast);
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T10:10:00Z"), second.ScheduleNext);
        await _clock.WaitForTimersAsync();
        var stored = await _store.GetAsync(RecordingTimer.FunctionName, default);
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T10:10:00Z"), stored!.Last);
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T10:15:00Z"), stored.Next);
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T10:10:00Z"), stored.LastUpdated);
    }

    [Fact]
    public async Task Scheduler_AfterARestartThatMissedAnOccurrence_RunsItOnceAsPastDue()
    {
        var first = StartApp();
        await _clock.WaitForTimersAsync();
        await first.DisposeAsync();

        // Down from 10:02:30 to 10:21:00: the 10:05, 10:10, 10:15 and 10:20 occurrences are missed.
        _clock.Advance(TimeSpan.FromMinutes(18.5));
        var timer = TimerOf(StartApp());
        var pastDue = await timer.NextRunAsync();

        Assert.True(pastDue.IsPastDue);
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T10:05:00Z"), pastDue.ScheduleNext);
        await _clock.WaitForTimersAsync();
        Assert.False(timer.TryGetRun(out _));
        var stored = await _store.GetAsync(RecordingTimer.FunctionName, default);
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T10:25:00Z"), stored!.Next);

        _clock.Advance(TimeSpan.FromMinutes(4));
        var onTime = await timer.NextRunAsync();
        Assert.False(onTime.IsPastDue);
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T10:25:00Z"), onTime.ScheduleNext);
    }

    [Fact]
    public async Task Scheduler_ReadsTheScheduleInTheAppsTimeZone()
    {
        var factory = new OfficeFlowApiFactory()
            .WithSetting("Hosting:RunTimers", "true")
            .WithSetting(RecordingTimer.Setting, "0 0 14 * * *")
            .WithTimeProvider(_clock)
            .WithServices(s => s.AddTimerFunction<RecordingTimer>().AddSingleton<IScheduleStatusStore>(_store));
        _factories.Add(factory);
        factory.CreateClient();
        await _clock.WaitForTimersAsync();

        var stored = await _store.GetAsync(RecordingTimer.FunctionName, default);

        // No time-zone setting: Moscow, so 14:00 there is 11:00 UTC.
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T11:00:00Z"), stored!.Next);
    }

    [Fact]
    public async Task Scheduler_WhenTheStatusStoreFails_RetriesAfterAMinuteAndKeepsTheSchedule()
    {
        var flaky = new FlakyStore(_store);
        var factory = new OfficeFlowApiFactory()
            .WithSetting("Hosting:RunTimers", "true")
            .WithSetting("WEBSITE_TIME_ZONE", "UTC")
            .WithTimeProvider(_clock)
            .WithServices(s => s.AddTimerFunction<RecordingTimer>().AddSingleton<IScheduleStatusStore>(flaky));
        _factories.Add(factory);
        factory.CreateClient();
        var timer = TimerOf(factory);

        await _clock.WaitForTimersAsync();
        _clock.Advance(TimeSpan.FromMinutes(1));
        await _clock.WaitForTimersAsync();
        _clock.Advance(TimeSpan.FromMinutes(1.5));
        var run = await timer.NextRunAsync();

        Assert.Equal(1, flaky.Failures);
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T10:05:00Z"), _clock.GetUtcNow());
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T10:05:00Z"), run.ScheduleNext);
    }

    [Fact]
    public async Task Factory_RunTimerAsync_RunsATimerAndReturnsItsOutcome()
    {
        using var factory = new OfficeFlowApiFactory().WithServices(s => s.AddTimerFunction<RecordingTimer>().AddTimerFunction<FailingTimer>());

        var ok = await factory.RunTimerAsync(RecordingTimer.FunctionName, isPastDue: true);
        var failed = await factory.RunTimerAsync(FailingTimer.FunctionName);

        Assert.True(ok.Succeeded);
        Assert.Contains("TestTick did its work (past due: True).", ok.Logs);
        Assert.True((await TimerOf(factory).NextRunAsync()).IsPastDue);
        Assert.False(failed.Succeeded);
        Assert.DoesNotContain(failed.Logs, l => l.Contains(FailingTimer.SecretText, StringComparison.Ordinal));
        await Assert.ThrowsAsync<ArgumentException>(() => factory.RunTimerAsync("Nope"));
    }

    [Fact]
    public async Task Scheduler_Off_RunsNothing()
    {
        var factory = new OfficeFlowApiFactory()
            .WithTimeProvider(_clock)
            .WithServices(s => s.AddTimerFunction<RecordingTimer>().AddSingleton<IScheduleStatusStore>(_store));
        _factories.Add(factory);
        factory.CreateClient();

        // Turned off, the scheduler's ExecuteAsync returns at once; turned on, it never returns while the app runs.
        // Waiting for it to finish is what makes "nothing armed" a fact rather than a race lost by a short sleep.
        var scheduler = factory.Services.GetServices<IHostedService>().OfType<TimerScheduler>().Single();
        await scheduler.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, _clock.ArmedTimers);
        Assert.False(TimerOf(factory).TryGetRun(out _));
        Assert.Null(await _store.GetAsync(RecordingTimer.FunctionName, default));
    }

    /// <summary>Fails the first read, as a store whose backend is briefly broken would.</summary>
    private sealed class FlakyStore(IScheduleStatusStore inner) : IScheduleStatusStore
    {
        public int Failures { get; private set; }

        public Task<ScheduleStatus?> GetAsync(string functionName, CancellationToken cancellationToken)
        {
            if (Failures == 0)
            {
                Failures++;
                throw new InvalidOperationException("store broken");
            }

            return inner.GetAsync(functionName, cancellationToken);
        }

        public Task SaveAsync(string functionName, ScheduleStatus status, CancellationToken cancellationToken)
            => inner.SaveAsync(functionName, status, cancellationToken);
    }
}
