using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using OfficeFlow.Tests.Hosting;

namespace OfficeFlow.Tests.Infra;

/// <summary>The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package (a PackageDownload of this project), run on infra/.</summary>
public static class BicepCli
{
    public static string MainBicep => Path.Combine(NodeJsonSchema.RepositoryRoot, "infra", "main.bicep");

    private static string Executable =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepCli").Value
        ?? throw new InvalidOperationException("The test assembly does not name the Bicep CLI.");

    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var bicep = Executable;
        if (!File.Exists(bicep))
        {
            throw new InvalidOperationException($"The Bicep CLI is missing at {bicep}: run 'dotnet restore tests/OfficeFlow.Tests' (it is a PackageDownload).");
        }

        // NuGet may unpack the binary without its execute bit (the package is linux-x64 only).
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute);
        }
        var start = new ProcessStartInfo(bicep) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = NodeJsonSchema.RepositoryRoot };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Offline: no telemetry, and the linter's recent-API-version data is not fetched.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output + await error).Trim());
    }

    /// <summary>infra/main.bicep compiled to an ARM template.</summary>
    public static async Task<JsonNode> BuildAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), "officeflow-main-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var (exit, output) = await RunAsync("build", MainBicep, "--outfile", file);
            if (exit != 0)
            {
                throw new InvalidOperationException("bicep build failed: " + output);
            }

            return JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static JsonNode Resource(JsonNode template, string type) =>
        template["resources"]!.AsArray().Single(r => (string?)r!["type"] == type)!;
}
