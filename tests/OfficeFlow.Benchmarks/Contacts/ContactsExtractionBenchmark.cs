using OfficeFlow.Evaluation.Contacts;

namespace OfficeFlow.Benchmarks.Contacts;

/// <summary>
/// "contacts-extraction": scores signature extraction on the labelled e-mail corpus and prints precision
/// and recall per field, for the main corpus and for the held-out set (written after the extractor, never tuned on).
/// Options: --corpus &lt;folder&gt; (score only that folder), --misses (list every disagreement).
/// </summary>
internal static class ContactsExtractionBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var corpusIndex = Array.IndexOf(args, "--corpus");
        var folders = corpusIndex >= 0 && corpusIndex + 1 < args.Length
            ? [args[corpusIndex + 1]]
            : new[] { RepositoryPaths.EmailCorpus(), RepositoryPaths.EmailCorpus() + "Holdout" };
        foreach (var folder in folders)
        {
            var report = ExtractionScorer.Score(ExtractionCorpus.Load(folder));
            Console.WriteLine(Path.GetFileName(folder) + ":");
            Console.Write(report.ToTable());
            if (args.Contains("--misses"))
            {
                foreach (var miss in report.Misses)
                {
                    Console.WriteLine($"  {miss.Email} {miss.Field}: expected '{miss.Expected}', got '{miss.Actual}'");
                }
            }

            Console.WriteLine();
        }

        return Task.FromResult(0);
    }
}
