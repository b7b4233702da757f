using System.Diagnostics;
using System.Globalization;
using NCrontab;
using OfficeFlow.Functions.Hosting.Schedules;

namespace OfficeFlow.Benchmarks.Hosting;

/// <summary>
/// How fast NCrontab (the host's parser, which the app uses) parses schedules and finds next
/// occurrences, and what the app's <see cref="TimerSchedule"/> adds on top (the never-runs check at
/// parse, the time zone and DST rules per occurrence). The standalone scheduler computes one
/// occurrence per run; this shows it is negligible. Prints operations per second for a few typical
/// and a few worst-case expressions, in Europe/Moscow and Europe/Berlin (DST).
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
        var options = new CrontabSchedule.ParseOptions { IncludingSeconds = true };

        Console.WriteLine($"ncrontab: {iterations} iterations per figure (Release build recommended)");
        Console.WriteLine($"{"expression",-20} {"NCrontab parse/s",17} {"app parse/s",12} {"NCrontab next/s",16} {"app next/s Moscow",18} {"app next/s Berlin",18}");
        foreach (var expression in Expressions)
        {
            var libraryParse = Measure(iterations, () => CrontabSchedule.Parse(expression, options));
            var appParse = Measure(iterations, () => TimerSchedule.Parse(expression));

            var library = CrontabSchedule.Parse(expression, options);
            var wallClock = start.DateTime;
            var libraryNext = Measure(iterations, () => wallClock = library.GetNextOccurrence(wallClock));

            var schedule = TimerSchedule.Parse(expression);
            var perZone = zones.Select(zone =>
            {
                var t = start;
                return Measure(iterations, () => t = schedule.GetNextOccurrence(t, zone) ?? start);
            }).ToArray();
            Console.WriteLine($"{expression,-20} {libraryParse,17:N0} {appParse,12:N0} {libraryNext,16:N0} {perZone[0],18:N0} {perZone[1],18:N0}");
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
