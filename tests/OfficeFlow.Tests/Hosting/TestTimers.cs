using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OfficeFlow.Functions.Hosting.Timers;

namespace OfficeFlow.Tests.Hosting;

/// <summary>A timer registered by the tests themselves: records each invocation and logs a line of its own.</summary>
public sealed class RecordingTimer : ITimerFunction
{
    public const string FunctionName = "TestTick";
    public const string Setting = "Tests:TestTickSchedule";

    private readonly Channel<TimerInvocation> _runs = Channel.CreateUnbounded<TimerInvocation>();

    public string Name => FunctionName;
    public string ScheduleSetting => Setting;
    public string DefaultSchedule => "0 */5 * * * *";

    public Task RunAsync(TimerInvocation invocation, CancellationToken cancellationToken)
    {
        invocation.Log.LogInformation("TestTick did its work (past due: {IsPastDue}).", invocation.IsPastDue);
        _runs.Writer.TryWrite(invocation);
        return Task.CompletedTask;
    }

    /// <summary>The next recorded invocation, or a TimeoutException after a few seconds of real time.</summary>
    public async Task<TimerInvocation> NextRunAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await _runs.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("The test timer did not run.");
        }
    }

    public bool TryGetRun(out TimerInvocation? invocation) => _runs.Reader.TryRead(out invocation);
}

/// <summary>A timer that logs a line and then fails with an exception whose text must never reach a client.</summary>
public sealed class FailingTimer : ITimerFunction
{
    public const string FunctionName = "TestFailing";
    public const string SecretText = "connection secret s3cr3t at db.internal";

    public string Name => FunctionName;
    public string ScheduleSetting => "Tests:TestFailingSchedule";
    public string DefaultSchedule => "0 0 3 * * *";

    public Task RunAsync(TimerInvocation invocation, CancellationToken cancellationToken)
    {
        invocation.Log.LogInformation("TestFailing started its work.");
        throw new InvalidOperationException(SecretText);
    }
}
