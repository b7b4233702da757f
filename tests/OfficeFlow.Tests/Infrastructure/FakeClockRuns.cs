using Microsoft.Extensions.Time.Testing;

namespace OfficeFlow.Tests.Infrastructure;

/// <summary>Drives code that pauses on a <see cref="FakeTimeProvider"/> (Polly's retry pipelines) to its end.</summary>
public static class FakeClockRuns
{
    /// <summary>Moves the fake clock in 10 ms steps until <paramref name="run"/> ends; returns how much fake time passed.</summary>
    public static async Task<TimeSpan> AdvanceUntilDoneAsync(this FakeTimeProvider clock, Task run)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(run);
        var start = clock.GetUtcNow();
        for (var step = 0; !run.IsCompleted && step < 10_000; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(1);
        }

        Assert.True(run.IsCompleted, "the run did not end on the fake clock");
        return clock.GetUtcNow() - start;
    }
}
