using Microsoft.Extensions.Time.Testing;
using OfficeFlow.Functions.Storage;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Storage;

/// <summary>The contention pipelines run on the injected clock: these tests move a fake clock and never sleep.</summary>
public sealed class ContentionRetryTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task HotRow_ConflictsThreeTimes_RetriesAfterPausesAndReturnsTheFourthAttempt()
    {
        var retry = new ContentionRetry(_clock);
        var attempts = 0;

        var run = ContentionRetry.RunAsync(retry.HotRow, "Changing invoice 2026-7", () =>
            ++attempts < 4 ? throw new WriteConflictException() : ValueTask.FromResult("written"), CancellationToken.None);
        var waited = await _clock.AdvanceUntilDoneAsync(run);

        Assert.Equal("written", await run);
        Assert.Equal(4, attempts);
        Assert.True(waited > TimeSpan.Zero, "the retries must pause, on the injected clock");
        Assert.True(waited < TimeSpan.FromSeconds(1), $"three short pauses took {waited}");
    }

    [Fact]
    public async Task SequenceClaim_ThatAlwaysConflicts_GivesUpWhenTheBudgetIsSpent_NotAfterACount()
    {
        var retry = new ContentionRetry(_clock);
        var attempts = 0;

        var run = ContentionRetry.RunAsync<int>(retry.SequenceClaim, "Taking a contract number for 2026", () =>
        {
            attempts++;
            throw new WriteConflictException();
        }, CancellationToken.None);
        var waited = await _clock.AdvanceUntilDoneAsync(run);

        var error = await Assert.ThrowsAsync<ContentionExhaustedException>(() => run);
        Assert.Contains("Taking a contract number for 2026", error.Message);
        Assert.True(attempts > 5, $"only {attempts} attempts: the pipeline did not retry");
        Assert.InRange(waited, ContentionRetry.SequenceBudget, ContentionRetry.SequenceBudget + TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task AnotherFailure_IsNotRetried()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<TimeZoneNotFoundException>(() => ContentionRetry.RunAsync<int>(new ContentionRetry(_clock).HotRow, "x", () =>
        {
            attempts++;
            throw new TimeZoneNotFoundException();
        }, CancellationToken.None));

        Assert.Equal(1, attempts);
    }
}
