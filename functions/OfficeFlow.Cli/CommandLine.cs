namespace OfficeFlow.Cli;

/// <summary>
/// Dispatches a command name to its handler. Each capability adds its commands to <see cref="Commands"/>;
/// a handler gets the arguments after the command name and returns the process exit code.
/// </summary>
public static class CommandLine
{
    public delegate Task<int> CommandHandler(string[] args, TextWriter stdout, TextWriter stderr);

    private static readonly Dictionary<string, (string Summary, CommandHandler Run)> Commands = new(StringComparer.Ordinal)
    {
        ["build-templates"] = (Contracts.BuildTemplatesCommand.Summary, Contracts.BuildTemplatesCommand.RunAsync),
        ["render"] = (Contracts.RenderCommand.Summary, Contracts.RenderCommand.RunAsync),
        ["dev-token"] = (Auth.DevTokenCommand.Summary, Auth.DevTokenCommand.RunAsync),
        ["grades"] = (Grades.GradesCommand.Summary, Grades.GradesCommand.RunAsync),
    };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await PrintUsageAsync(stdout);
            return args.Length == 0 ? 1 : 0;
        }

        if (!Commands.TryGetValue(args[0], out var command))
        {
            await stderr.WriteLineAsync($"Unknown command '{args[0]}'.");
            await PrintUsageAsync(stderr);
            return 2;
        }

        return await command.Run(args[1..], stdout, stderr);
    }

    private static async Task PrintUsageAsync(TextWriter writer)
    {
        await writer.WriteLineAsync("usage: officeflow <command> [options]");
        await writer.WriteLineAsync();
        foreach (var (name, (summary, _)) in Commands.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            await writer.WriteLineAsync($"  {name,-16} {summary}");
        }
    }
}
