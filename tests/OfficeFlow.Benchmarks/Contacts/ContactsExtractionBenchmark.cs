using OfficeFlow.Functions.Contacts.Extraction.Evaluation;

namespace OfficeFlow.Benchmarks.Contacts;

/// <summary>
/// "contacts-extraction": scores signature extraction on the labelled e-mail corpus and prints precision
/// and recall per field. Options: --corpus &lt;folder&gt; (default tests/OfficeFlow.Tests/Contacts/Emails), --misses.
/// </summary>
internal static class ContactsExtractionBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var corpusIndex = Array.IndexOf(args, "--corpus");
        var folder = corpusIndex >= 0 && corpusIndex + 1 < args.Length ? args[corpusIndex + 1] : RepositoryPaths.EmailCorpus();
        var report = ExtractionScorer.Score(ExtractionCorpus.Load(folder));
        Console.Write(report.ToTable());
        if (args.Contains("--misses"))
        {
            Console.WriteLine();
            foreach (var miss in report.Misses)
            {
                Console.WriteLine($"{miss.Email} {miss.Field}: expected '{miss.Expected}', got '{miss.Actual}'");
            }
        }

        return Task.FromResult(0);
    }
}
