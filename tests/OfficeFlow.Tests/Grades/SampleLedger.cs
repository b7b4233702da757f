using OfficeFlow.Functions.Grades.Computation;
using OfficeFlow.Functions.Grades.Ledger;

namespace OfficeFlow.Tests.Grades;

/// <summary>The repository's sample ledger (samples/ledger-2026-10.json), the README's example.</summary>
internal static class SampleLedger
{
    public static string Path
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "samples", "ledger-2026-10.json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("samples/ledger-2026-10.json was not found above the test's folder.");
        }
    }

    public static LedgerFile Read() => LedgerFile.Read(Path);

    public static MonthGrades Compute(LedgerFile file, IReadOnlyList<LedgerEntry>? entries = null) =>
        GradesCalculator.Compute(GradesTestData.October, GradesTestData.Policy(), file.ToEmployees(), entries ?? file.ToEntries(), file.ToInputs(), GradesTestData.Moscow);
}
