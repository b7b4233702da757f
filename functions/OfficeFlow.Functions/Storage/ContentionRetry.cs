using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OfficeFlow.Functions.Storage;

/// <summary>A conditional write lost to a concurrent writer (ETag 412, or a key someone took first); try again.</summary>
public sealed class WriteConflictException() : Exception("A concurrent writer changed the row first.");

/// <summary>A conditional write kept losing to concurrent writers for the whole time budget of its pipeline. Not a bug: the
/// request gets 503 with Retry-After (<c>Hosting/Errors/StorageOutage</c>), and repeating it is safe.</summary>
public sealed class ContentionExhaustedException(string message, Exception inner) : InvalidOperationException(message, inner);

/// <summary>
/// The retries of conditional writes that lose to concurrent writers, one Polly pipeline per kind of contention,
/// on the injected <see cref="TimeProvider"/> (tests drive them with a fake clock). Each is bounded by the time a
/// user waits, not by a count of attempts: growing, jittered pauses so a crowd of writers does not collide again
/// in step, until the time budget is spent. An attempt throws <see cref="WriteConflictException"/> to be retried;
/// storage calls in flight are never cancelled (only the pauses are), so a write is never cut in half.
/// Nothing else retries these: Azure.Core retries transport failures, never a 409/412.
/// </summary>
public sealed class ContentionRetry
{
    /// <summary>ETag conflicts on one hot row (an invoice's balance under concurrent payments, a card's requisites).</summary>
    public static readonly TimeSpan HotRowBudget = TimeSpan.FromSeconds(5);

    /// <summary>Claiming the next number of a sequence (contracts, invoices): each round one claimant wins.</summary>
    public static readonly TimeSpan SequenceBudget = TimeSpan.FromSeconds(5);

    public ContentionRetry(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        HotRow = Build(time, HotRowBudget, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(250));
        SequenceClaim = Build(time, SequenceBudget, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(100));
    }

    /// <summary>For code built without dependency injection: the system clock.</summary>
    public static ContentionRetry System { get; } = new(TimeProvider.System);

    public ResiliencePipeline HotRow { get; }

    public ResiliencePipeline SequenceClaim { get; }

    /// <summary>Runs <paramref name="attempt"/> until it returns; a conflict past the budget becomes a
    /// <see cref="ContentionExhaustedException"/> saying what kept conflicting.</summary>
    public static async Task<T> RunAsync<T>(ResiliencePipeline pipeline, string what, Func<ValueTask<T>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        try
        {
            return await pipeline.ExecuteAsync(_ => attempt(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WriteConflictException or TimeoutRejectedException)
        {
            throw new ContentionExhaustedException($"{what} kept conflicting with concurrent writers for the whole retry budget; try again.", e);
        }
    }

    private static ResiliencePipeline Build(TimeProvider time, TimeSpan budget, TimeSpan firstDelay, TimeSpan maxDelay) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(budget)
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<WriteConflictException>(),
                // The budget above is the real limit; this only keeps a runaway loop finite.
                MaxRetryAttempts = 1000,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = firstDelay,
                MaxDelay = maxDelay,
            })
            .Build();
}
