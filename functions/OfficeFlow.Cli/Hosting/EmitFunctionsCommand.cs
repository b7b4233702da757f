using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Hosting;
using OfficeFlow.Functions.Hosting.Catalog;

namespace OfficeFlow.Cli.Hosting;

/// <summary>
/// <c>officeflow emit-functions --out DIR [--no-publish] [--runtime RID]</c>: writes the folder the
/// Functions host runs: host.json (the repository's), one &lt;Name&gt;/function.json per function of the
/// app's catalog, and the published handler (dotnet publish, unless --no-publish). Folders of
/// functions that no longer exist are removed, so the folder always matches the catalog.
/// </summary>
public static class EmitFunctionsCommand
{
    public const string Summary = "Writes the deployable Functions folder: host.json, <Name>/function.json per function, the published handler.";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? output = null, runtime = null;
        var publish = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--runtime" when i + 1 < args.Length:
                    runtime = args[++i];
                    break;
                case "--no-publish":
                    publish = false;
                    break;
                default:
                    await stderr.WriteLineAsync($"emit-functions: unknown or incomplete option '{args[i]}'.");
                    await stderr.WriteLineAsync("usage: officeflow emit-functions --out DIR [--no-publish] [--runtime RID]");
                    return 2;
            }
        }

        if (output is null)
        {
            await stderr.WriteLineAsync("emit-functions: --out DIR is required (the folder to deploy, e.g. artifacts/functions).");
            return 2;
        }

        if (RepositoryRoot.Find() is not { } repo)
        {
            await stderr.WriteLineAsync("emit-functions: cannot find the repository (a folder with OfficeFlow.sln and host.json); run it from inside the repository.");
            return 1;
        }

        var hostJson = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(repo, "host.json")))!;
        var executable = hostJson["customHandler"]?["description"]?["defaultExecutablePath"]?.GetValue<string>();
        if (executable != HandlerAssemblyName)
        {
            await stderr.WriteLineAsync($"emit-functions: host.json's customHandler.description.defaultExecutablePath is '{executable}', but the handler publishes as '{HandlerAssemblyName}'; make them equal.");
            return 1;
        }

        FunctionCatalog catalog;
        try
        {
            catalog = await ReadCatalogAsync();
        }
        catch (InvalidOperationException e)
        {
            await stderr.WriteLineAsync("emit-functions: " + e.Message);
            return 1;
        }

        var outDir = Path.GetFullPath(output);
        Directory.CreateDirectory(outDir);
        if (publish)
        {
            var exit = await PublishAsync(repo, outDir, runtime, stdout, stderr);
            if (exit != 0)
            {
                return exit;
            }
        }

        await File.WriteAllTextAsync(Path.Combine(outDir, "host.json"), hostJson.ToJsonString(Indented) + "\n");
        var removed = RemoveStaleFunctionFolders(outDir, catalog);
        foreach (var function in catalog.HttpFunctions)
        {
            await WriteFunctionJsonAsync(outDir, function.Name, FunctionJson.ForHttp(function));
        }

        foreach (var timer in catalog.TimerFunctions)
        {
            await WriteFunctionJsonAsync(outDir, timer.Name, FunctionJson.ForTimer(timer));
        }

        await stdout.WriteLineAsync(
            $"Wrote {outDir}: host.json, {catalog.HttpFunctions.Count} HTTP and {catalog.TimerFunctions.Count} timer function(s)"
            + (publish ? ", the published handler" : " (handler not published: --no-publish)")
            + (removed.Count > 0 ? $"; removed stale function folder(s): {string.Join(", ", removed)}" : "") + ".");
        return 0;
    }

    /// <summary>The handler's assembly (and so its published executable) name.</summary>
    public static string HandlerAssemblyName => typeof(OfficeFlowApp).Assembly.GetName().Name!;

    /// <summary>Builds the app (without starting it) and reads its catalog: the same list the running app uses.</summary>
    public static async Task<FunctionCatalog> ReadCatalogAsync()
    {
        await using var app = OfficeFlowApp.Build([]);
        return app.Services.GetRequiredService<FunctionCatalogAccessor>().Catalog;
    }

    private static async Task WriteFunctionJsonAsync(string outDir, string name, JsonObject json)
    {
        var folder = Path.Combine(outDir, name);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "function.json"), json.ToJsonString(Indented) + "\n");
    }

    private static List<string> RemoveStaleFunctionFolders(string outDir, FunctionCatalog catalog)
    {
        var names = catalog.Names.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var removed = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(outDir))
        {
            var name = Path.GetFileName(folder);
            if (File.Exists(Path.Combine(folder, "function.json")) && !names.Contains(name))
            {
                Directory.Delete(folder, recursive: true);
                removed.Add(name);
            }
        }

        return removed;
    }

    private static async Task<int> PublishAsync(string repo, string outDir, string? runtime, TextWriter stdout, TextWriter stderr)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "publish", Path.Combine("functions", "OfficeFlow.Functions"), "-c", "Release", "-o", outDir, "--nologo" })
        {
            start.ArgumentList.Add(arg);
        }

        if (runtime is not null)
        {
            foreach (var arg in new[] { "-r", runtime, "--self-contained", "true" })
            {
                start.ArgumentList.Add(arg);
            }
        }

        await stdout.WriteLineAsync($"Publishing the handler: dotnet {string.Join(' ', start.ArgumentList)}");
        using var process = Process.Start(start)!;
        var outTask = process.StandardOutput.ReadToEndAsync();
        var errTask = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            await stderr.WriteLineAsync(await outTask);
            await stderr.WriteLineAsync(await errTask);
            await stderr.WriteLineAsync($"emit-functions: dotnet publish failed (exit {process.ExitCode}); the output above says why.");
            return 1;
        }

        return 0;
    }
}
