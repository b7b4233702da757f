namespace OfficeFlow.Tests.Infrastructure;

/// <summary>Finds the repository root (the folder with OfficeFlow.sln) above the current or the tests' folder.</summary>
public static class RepositoryRoot
{
    public static string? Find()
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

        return null;
    }
}
