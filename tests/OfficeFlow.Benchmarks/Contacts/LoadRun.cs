using System.Diagnostics;

namespace OfficeFlow.Benchmarks.Contacts;

/// <summary>Runs an operation from N concurrent workers until a request count or a time limit is reached; reports rate and latency percentiles.</summary>
internal static class LoadRun
{
    public sealed record Result(int Concurrency, int Completed, double PerSecond, double P50Ms, double P99Ms, int Failures);

    public static async Task<Result> RunAsync(int concurrency, int requests, TimeSpan limit, Func<int, Task<bool>> operation)
    {
        var latencies = new List<double>[concurrency];
        var next = -1;
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async w =>
        {
            latencies[w] = [];
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests && clock.Elapsed < limit)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await operation(i);
                latencies[w].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(concurrency, all.Length, all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), failures);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
