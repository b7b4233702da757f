namespace OfficeFlow.Tests.Contacts;

/// <summary>Where the labelled e-mails live: read from the source tree (found above the test assembly), not copied.</summary>
internal static class CorpusFolder
{
    public static string Path
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "OfficeFlow.sln")))
                {
                    return System.IO.Path.Combine(dir.FullName, "tests", "OfficeFlow.Tests", "Contacts", "Emails");
                }
            }

            throw new DirectoryNotFoundException("OfficeFlow.sln was not found above the test assembly; the e-mail corpus is read from the source tree.");
        }
    }
}
