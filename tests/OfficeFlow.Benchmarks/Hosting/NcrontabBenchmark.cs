using System.Diagnostics;
using System.Globalization;
using OfficeFlow.Functions.Hosting.Schedules;

namespace OfficeFlow.Benchmarks.Hosting;

/// <summary>
/// How fast schedules parse and next occurrences compute (the standalone scheduler computes one per
/// run; this shows it is negligible). Prints parses per second and next-occurrence calls per second
/// for a few typical and a few worst-case expressions, in Europe/Berlin (DST) and Europe/Moscow.
/// usage: ncrontab [iterations, default 20000]
/// </summary>
public static class NcrontabBenchmark
{
    private static readonly string[] Expressions =
    [
        "0 */5 * * * *",
        "0 0 9 * * Mon-Fri",
        "0 30 2 * * *",
        "0 0 0 31 * *",
        "0 0 12 29 2 *",
        "0 0 0 13 * Fri",
    ];

    public static Task<int> RunAsync(string[] args)
    {
        var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var zones = new[] { "Europe/Moscow", "Europe/Berlin" }.Select(TimeZoneInfo.FindSystemTimeZoneById).ToArray();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Console.WriteLine($"ncrontab: {iterations} iterations per figure (Release build recommended)");
        Console.WriteLine($"{"expression",-22} {"parse/s",12} {"next/s Moscow",14} {"next/s Berlin",14}");
        foreach (var expression in Expressions)
        {
            var parse = Measure(iterations, () => CrontabSchedule.Parse(expression));
            var schedule = CrontabSchedule.Parse(expression);
            var perZone = zones.Select(zone =>
            {
                var t = start;
                return Measure(iterations, () => t = schedule.GetNextOccurrence(t, zone) ?? start);
            }).ToArray();
            Console.WriteLine($"{expression,-22} {parse,12:N0} {perZone[0],14:N0} {perZone[1],14:N0}");
        }

        return Task.FromResult(0);
    }

    private static double Measure(int iterations, Action action)
    {
        for (var i = 0; i < Math.Min(1000, iterations); i++)
        {
            action();
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            action();
        }

        return iterations / watch.Elapsed.TotalSeconds;
    }
}
