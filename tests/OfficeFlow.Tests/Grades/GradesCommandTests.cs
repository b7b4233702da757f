using OfficeFlow.Cli;

namespace OfficeFlow.Tests.Grades;

public sealed class GradesCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("grades-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Grades_FromTheSampleLedger_WritesTheWorkbookAndPrintsThePay()
    {
        var output = Path.Combine(_folder, "out", "grades.xlsx");

        var (code, stdout, stderr) = await RunAsync("grades", "--month", "2026-10", "--ledger", SampleLedger.Path, "--out", output);

        Assert.True(code == 0, stderr);
        Assert.Contains("500 ledger entries", stdout);
        Assert.Contains("Анна Смирнова", stdout);
        Assert.Contains("71 876,00", stdout.Replace('\u00A0', ' ').Replace('\u202F', ' '));
        var summary = WorkbookReader.ReadSheet(output, "Итоги");
        Assert.Contains(summary.Values, c => c.Value == "Олег Петров");
        Assert.False(File.Exists(output + ".tmp"));
    }

    [Fact]
    public async Task Grades_WhatIfPolicy_ChangesThePay()
    {
        var policy = Path.Combine(_folder, "what-if.json");
        await File.WriteAllTextAsync(policy, (await File.ReadAllTextAsync(GradesTestData.ShippedPolicyPath)).Replace("\"basePay\": 35000", "\"basePay\": 45000"));

        var (code, stdout, stderr) = await RunAsync("grades", "--month", "2026-10", "--ledger", SampleLedger.Path, "--policy", policy, "--out", Path.Combine(_folder, "w.xlsx"));

        Assert.True(code == 0, stderr);
        Assert.Contains("81 876,00", stdout.Replace('\u00A0', ' ').Replace('\u202F', ' '));
    }

    [Fact]
    public async Task Grades_InvalidPolicy_NamesTheBadEntryAndWritesNothing()
    {
        var policy = Path.Combine(_folder, "bad.json");
        await File.WriteAllTextAsync(policy, (await File.ReadAllTextAsync(GradesTestData.ShippedPolicyPath)).Replace("\"points\": 8, \"frequency\": \"rare\"", "\"points\": 0, \"frequency\": \"rare\""));
        var output = Path.Combine(_folder, "bad.xlsx");

        var (code, _, stderr) = await RunAsync("grades", "--month", "2026-10", "--ledger", SampleLedger.Path, "--policy", policy, "--out", output);

        Assert.Equal(1, code);
        Assert.Contains("catalog[31] (code '7.1'): points must be greater than 0", stderr);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Grades_WithoutMonth_PrintsUsage()
    {
        var (code, _, stderr) = await RunAsync("grades", "--out", "x.xlsx");

        Assert.Equal(2, code);
        Assert.Contains("usage: officeflow grades --month YYYY-MM", stderr);
    }
}
