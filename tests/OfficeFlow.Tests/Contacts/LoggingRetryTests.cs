using Microsoft.Extensions.Time.Testing;
using OfficeFlow.Functions.Contacts.Logging;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Contacts;

/// <summary>Log-email's two waits run on the injected clock: these tests move a fake clock and never sleep.</summary>
public sealed class LoggingRetryTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task CardHead_ThatKeepsChanging_IsTriedTenTimes_ThenTheCardIsBusy()
    {
        var retry = new LoggingRetry(_clock);
        var attempts = 0;

        var run = retry.OnCardHeadAsync<int>(() =>
        {
            attempts++;
            throw new CardHeadChangedException();
        }, CancellationToken.None);
        var waited = await _clock.AdvanceUntilDoneAsync(run);

        await Assert.ThrowsAsync<ClientCardBusyException>(() => run);
        Assert.Equal(LoggingRetry.HeadAttempts, attempts);
        Assert.True(waited > TimeSpan.Zero, "the retries must pause, on the injected clock");
        Assert.True(waited < TimeSpan.FromSeconds(2), $"nine short pauses took {waited}");
    }

    [Fact]
    public async Task CardHead_ChangedTwice_WritesOnTheThirdAttempt()
    {
        var attempts = 0;

        var run = new LoggingRetry(_clock).OnCardHeadAsync(() => ++attempts < 3 ? throw new CardHeadChangedException() : ValueTask.FromResult("logged"), CancellationToken.None);
        await _clock.AdvanceUntilDoneAsync(run);

        Assert.Equal("logged", await run);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task ClaimWait_ForAClaimThatNeverFinishes_GivesUpAfterTheBudget_NotACount()
    {
        var attempts = 0;

        var run = new LoggingRetry(_clock).WaitingForClaimAsync<int>(() =>
        {
            attempts++;
            throw new ClaimPendingException();
        }, CancellationToken.None);
        var waited = await _clock.AdvanceUntilDoneAsync(run);

        await Assert.ThrowsAsync<MessageBusyException>(() => run);
        Assert.InRange(waited, LoggingRetry.ClaimBudget, LoggingRetry.ClaimBudget + TimeSpan.FromMilliseconds(100));
        // One look every 25 ms of the 10 s (the fake clock moves in 10 ms steps, so a pause can last up to 30 ms).
        Assert.InRange(attempts, 300, 401);
    }

    [Fact]
    public async Task AnotherFailure_IsNotRetried()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<TimeZoneNotFoundException>(() => new LoggingRetry(_clock).OnCardHeadAsync<int>(() =>
        {
            attempts++;
            throw new TimeZoneNotFoundException();
        }, CancellationToken.None));

        Assert.Equal(1, attempts);
    }
}
