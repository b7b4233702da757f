using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OfficeFlow.Functions.Contacts.Logging;

/// <summary>The client's card head changed under a guarded write (another instance logged mail for the client): resolve again and retry.</summary>
public sealed class CardHeadChangedException() : Exception("The client's card head changed under the write.");

/// <summary>The message's claim belongs to another request that has not written its interaction yet: look again shortly.</summary>
public sealed class ClaimPendingException() : Exception("Another request owns the message's claim and has not finished.");

/// <summary>
/// The two waits of log-email, as Polly pipelines on the injected <see cref="TimeProvider"/> (built like
/// <see cref="Storage.ContentionRetry"/>; tests drive them with a fake clock):
/// <list type="bullet">
/// <item><see cref="CardHead"/>: a guarded head write lost to another instance; at most <see cref="HeadAttempts"/> attempts with
/// short jittered pauses (instances that collided retry at different moments), then «Карточка клиента занята» (409).</item>
/// <item><see cref="ClaimWait"/>: an identical request owns the message; look every <see cref="ClaimPoll"/> for its interaction,
/// for at most <see cref="ClaimBudget"/>, then «Письмо уже записывается» (409).</item>
/// </list>
/// Storage calls in flight are never cancelled by these pipelines (only the pauses are), so a write is never cut in half.
/// </summary>
public sealed class LoggingRetry
{
    public const int HeadAttempts = 10;
    public static readonly TimeSpan ClaimPoll = TimeSpan.FromMilliseconds(25);
    public static readonly TimeSpan ClaimBudget = TimeSpan.FromSeconds(10);

    public LoggingRetry(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        CardHead = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<CardHeadChangedException>(),
                MaxRetryAttempts = HeadAttempts - 1,
                BackoffType = DelayBackoffType.Linear,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(5),
                MaxDelay = TimeSpan.FromMilliseconds(100),
                OnRetry = _ =>
                {
                    Interlocked.Increment(ref _cardHeadRetries);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        ClaimWait = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(ClaimBudget)
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ClaimPendingException>(),
                // The budget above is the real limit; this only keeps a runaway loop finite.
                MaxRetryAttempts = 10_000,
                BackoffType = DelayBackoffType.Constant,
                Delay = ClaimPoll,
            })
            .Build();
    }

    private long _cardHeadRetries;

    public ResiliencePipeline CardHead { get; }

    /// <summary>How many card-head writes of this process lost to another writer and were tried again: how contended the
    /// heads are, and what shows that a concurrency test really collided.</summary>
    public long CardHeadRetries => Interlocked.Read(ref _cardHeadRetries);

    public ResiliencePipeline ClaimWait { get; }

    /// <summary>Runs <paramref name="attempt"/> on the card-head pipeline; when every attempt lost, <see cref="ClientCardBusyException"/>.</summary>
    public async Task<T> OnCardHeadAsync<T>(Func<ValueTask<T>> attempt, CancellationToken cancellationToken)
    {
        try
        {
            return await CardHead.ExecuteAsync(_ => attempt(), cancellationToken).ConfigureAwait(false);
        }
        catch (CardHeadChangedException)
        {
            throw new ClientCardBusyException();
        }
    }

    /// <summary>Runs <paramref name="attempt"/> on the claim pipeline; past the budget, <see cref="MessageBusyException"/>.</summary>
    public async Task<T> WaitingForClaimAsync<T>(Func<ValueTask<T>> attempt, CancellationToken cancellationToken)
    {
        try
        {
            return await ClaimWait.ExecuteAsync(_ => attempt(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ClaimPendingException or TimeoutRejectedException)
        {
            throw new MessageBusyException();
        }
    }
}
