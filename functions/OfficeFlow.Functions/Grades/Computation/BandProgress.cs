using OfficeFlow.Functions.Grades.Policy;

namespace OfficeFlow.Functions.Grades.Computation;

/// <summary>The band above the current one and how many more points reach it («Сейчас: B, до A осталось 38 баллов»).</summary>
public sealed record BandProgress(GradeBand? NextBand, decimal? PointsToNextBand)
{
    /// <summary>
    /// The fewest points, in whole steps of the policy's point precision, whose fulfilment — rounded as
    /// <see cref="GradesCalculator"/> rounds it (<see cref="Money.Round4"/>) — reaches the next band, minus what
    /// the employee has. Computed against the same rounding, so logging exactly that many points moves the band.
    /// Null next band at the top band; null points when the plan is 0 (no working days: no band can be reached).
    /// </summary>
    public static BandProgress Of(GradesPolicy policy, decimal plan, decimal points)
    {
        var fulfilment = plan == 0 ? 0 : Money.Round4(points / plan);
        var next = policy.Bands.FirstOrDefault(b => b.MinFulfilment > fulfilment);
        if (next is null || plan <= 0)
        {
            return new BandProgress(next, null);
        }

        var step = PointStep(policy);
        var needed = Math.Ceiling(next.MinFulfilment * plan / step) * step;
        // Rounding to 4 places can let a value just under the threshold count: step down while it still does,
        // and up if the exact product rounded below it.
        while (needed - step > points && Reaches(needed - step, plan, next))
        {
            needed -= step;
        }

        while (!Reaches(needed, plan, next))
        {
            needed += step;
        }

        return new BandProgress(next, needed - points);
    }

    /// <summary>The smallest unit points come in: 10^-d for the fewest decimals d that write every catalog task's points (0.5 → 0.1).</summary>
    public static decimal PointStep(GradesPolicy policy)
    {
        var step = 1m;
        for (var decimals = 0; decimals < 6; decimals++, step /= 10)
        {
            if (policy.Catalog.All(t => t.Points / step == decimal.Truncate(t.Points / step)))
            {
                return step;
            }
        }

        return step;
    }

    private static bool Reaches(decimal points, decimal plan, GradeBand band) => Money.Round4(points / plan) >= band.MinFulfilment;
}
