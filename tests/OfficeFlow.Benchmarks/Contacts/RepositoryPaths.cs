namespace OfficeFlow.Benchmarks.Contacts;

/// <summary>Finds files of the repository the benchmark was built from, wherever it is run.</summary>
internal static class RepositoryPaths
{
    public static string Root()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "OfficeFlow.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("Run the benchmark from inside the repository: OfficeFlow.sln was not found above the current or the program's folder.");
    }

    public static string EmailCorpus() => Path.Combine(Root(), "tests", "OfficeFlow.Tests", "Contacts", "Emails");
}
