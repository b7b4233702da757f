using OfficeFlow.Functions.Grades.Computation;

namespace OfficeFlow.Tests.Grades;

/// <summary>«Сейчас: B, до A осталось N баллов»: N against the shipped policy's bands (D 0, C 0.7, B 0.9, A 1.1).</summary>
public sealed class BandProgressTests
{
    [Theory]
    [InlineData(264, 0, "C", 184.8)]        // 0.7 × 264
    [InlineData(264, 200, "B", 37.6)]       // 0.9 × 264 = 237.6
    [InlineData(264, 252.5, "A", 37.9)]     // 1.1 × 264 = 290.4
    [InlineData(100, 89.5, "B", 0.5)]
    public void Of_BelowTheTop_NamesTheNextBandAndTheExactPointsLeft(decimal plan, decimal points, string next, decimal left)
    {
        var progress = BandProgress.Of(GradesTestData.Policy(), plan, points);

        Assert.Equal(next, progress.NextBand?.Band);
        Assert.Equal(left, progress.PointsToNextBand);
        Assert.Equal(next, GradesCalculator.BandOf(GradesTestData.Policy(), Money.Round4((points + left) / plan)).Band);
        Assert.NotEqual(next, GradesCalculator.BandOf(GradesTestData.Policy(), Money.Round4((points + left - 0.1m) / plan)).Band);
    }

    [Fact]
    public void Of_ThresholdReachedOnlyThroughRounding_CountsAsTheCalculatorDoes()
    {
        // With a 0.25-point task the step is 0.01. 0.7 × 333.33 = 233.331, but 233.32 ÷ 333.33 = 0.69997 already rounds
        // to 0.7000 (band C) in the calculator, and 233.31 does not; likewise 299.99 is already B (0.89998 → 0.9000).
        var policy = GradesTestData.PolicyWith("\"points\": 0.5", "\"points\": 0.25");

        Assert.Equal(0.01m, BandProgress.PointStep(policy));
        Assert.Equal(233.32m, BandProgress.Of(policy, 333.33m, 0).PointsToNextBand);
        var fromC = BandProgress.Of(policy, 333.33m, 250);
        Assert.Equal(("B", 49.99m), (fromC.NextBand!.Band, fromC.PointsToNextBand!.Value));
    }

    [Fact]
    public void Of_AtTheTopBand_HasNoNextBand()
    {
        var progress = BandProgress.Of(GradesTestData.Policy(), 264, 300);

        Assert.Null(progress.NextBand);
        Assert.Null(progress.PointsToNextBand);
    }

    [Fact]
    public void PointStep_IsTheCatalogsPrecision() => Assert.Equal(0.1m, BandProgress.PointStep(GradesTestData.Policy()));
}
