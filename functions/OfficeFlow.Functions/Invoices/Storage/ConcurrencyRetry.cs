namespace OfficeFlow.Functions.Invoices.Storage;

/// <summary>How often an ETag-guarded write is tried again after another writer got there first, and how long to
/// wait between tries (a short, growing, jittered pause so a crowd of writers does not collide again in step).</summary>
internal static class ConcurrencyRetry
{
    /// <summary>Enough for a hundred writers on one invoice: each round at least one of them succeeds.</summary>
    public const int MaxAttempts = 250;

    public static Task PauseAsync(int attempt, CancellationToken cancellationToken)
    {
        var ceilingMs = Math.Min(5 * (1 << Math.Min(attempt, 6)), 250);
        return Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, ceilingMs + 1)), cancellationToken);
    }

    public static InvalidOperationException GaveUp(string what) =>
        new($"{what} kept conflicting with concurrent writers after {MaxAttempts} attempts.");
}
