using System.Globalization;

namespace OfficeFlow.Functions.Storage;

/// <summary>
/// How long one HTTP request waits for Table Storage to answer at all: <see cref="Budget"/> after the request started,
/// moved back by every answer storage gives it (<see cref="Heard"/>). A storage that accepts connections and then
/// never answers costs a user the budget, not 5 s per try and a retry; a request that makes progress through many
/// answered calls (a loaded Azurite, contention retries with their own 5 s budget) is not cut, because it is not
/// storage's silence that makes it long. Carried in an <see cref="AsyncLocal{T}"/> set by the hosts' middleware
/// (<c>Hosting/StorageDeadlineMiddleware</c>) and read by <see cref="StorageDeadlinePolicy"/> on every try; work
/// outside a request (timers, CLI, benchmarks) has none. Measured on the app's <see cref="TimeProvider"/>.
/// </summary>
public sealed class StorageDeadline
{
    /// <summary>Under the 5 s a user is promised an answer in when storage hangs, leaving room for the rest of the request
    /// and the 503 (on a loaded test machine that took up to 0.8 s).</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(4);

    public const string BudgetSetting = "Storage:RequestBudgetSeconds";

    private static readonly AsyncLocal<StorageDeadline?> Ambient = new();

    private readonly TimeProvider _time;
    private long _lastHeard;

    private StorageDeadline(TimeSpan budget, TimeProvider time)
    {
        Budget = budget;
        _time = time;
        _lastHeard = time.GetTimestamp();
    }

    /// <summary>The deadline of the request this code runs for; null outside a request.</summary>
    public static StorageDeadline? Current => Ambient.Value;

    public TimeSpan Budget { get; }

    /// <summary>Zero or less once storage has been silent to this request for the whole budget.</summary>
    public TimeSpan TimeLeft => Budget - _time.GetElapsedTime(Interlocked.Read(ref _lastHeard));

    /// <summary>Storage answered a try of this request (any status): it is there, and the wait starts again.</summary>
    public void Heard() => Interlocked.Exchange(ref _lastHeard, _time.GetTimestamp());

    /// <summary>Starts a deadline <paramref name="budget"/> from now for the code that runs until the scope is disposed.</summary>
    public static IDisposable Begin(TimeSpan budget, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var scope = new Scope(Ambient.Value);
        Ambient.Value = new StorageDeadline(budget, time);
        return scope;
    }

    /// <summary>The budget from <see cref="BudgetSetting"/> (seconds, 0.5–60), else <see cref="DefaultBudget"/>.</summary>
    public static TimeSpan BudgetFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return BudgetProblem(configuration[BudgetSetting]) is { } problem
            ? throw new InvalidOperationException(problem)
            : configuration[BudgetSetting] is { Length: > 0 } text ? TimeSpan.FromSeconds(double.Parse(text, CultureInfo.InvariantCulture)) : DefaultBudget;
    }

    /// <summary>What is wrong with a value of <see cref="BudgetSetting"/>; null when it is fine or unset.</summary>
    public static string? BudgetProblem(string? value) =>
        string.IsNullOrEmpty(value)
        || (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0.5 and <= 60)
            ? null
            : $"{BudgetSetting} '{value}' is not a number of seconds from 0.5 to 60 (e.g. 4.5): how long a request waits for Table Storage to answer.";

    private sealed class Scope(StorageDeadline? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}

/// <summary>
/// Storage had been silent to the request for its whole budget when another storage call was due; nothing was sent.
/// A timeout, so the error mapping answers 503 with Retry-After, and code that keeps going after a failed side write
/// (a <c>catch (Exception e) when (e is not OperationCanceledException)</c>) treats it as the storage failure it is.
/// </summary>
public sealed class StorageDeadlineExceededException(TimeSpan budget)
    : TimeoutException($"Table Storage has not answered this request for {budget.TotalSeconds:0.0} s; the storage call was not sent.");
