namespace OfficeFlow.Cli;

/// <summary>The admin command line: <c>officeflow &lt;command&gt; [options]</c>.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        return await CommandLine.RunAsync(args, Console.Out, Console.Error);
    }
}
