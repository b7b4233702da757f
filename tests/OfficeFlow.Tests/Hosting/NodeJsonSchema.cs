using System.Diagnostics;

namespace OfficeFlow.Tests.Hosting;

/// <summary>Runs scripts/validate-json-schema.mjs (ajv from the root node_modules) on files, as the deploy check does.</summary>
public static class NodeJsonSchema
{
    public static string RepositoryRoot { get; } = OfficeFlow.Tests.Infrastructure.RepositoryRoot.Find()
        ?? throw new InvalidOperationException("The tests run inside the repository; OfficeFlow.sln was not found above them.");

    public static string SchemaFolder => Path.Combine(RepositoryRoot, "schemas", "azure-functions");

    public static string HostSchema => Path.Combine(SchemaFolder, "host.schema.json");

    /// <summary>Exit code (0 valid, 1 invalid) and ajv's report.</summary>
    public static async Task<(int ExitCode, string Output)> ValidateAsync(string schema, params string[] files)
    {
        if (!File.Exists(schema))
        {
            throw new InvalidOperationException($"The schema {schema} is missing; it is vendored in the repository under schemas/azure-functions/.");
        }

        if (!File.Exists(Path.Combine(RepositoryRoot, "node_modules", "ajv", "package.json")))
        {
            throw new InvalidOperationException("ajv is not installed: run 'npm ci' in the repository root (./test.sh does it).");
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine("scripts", "validate-json-schema.mjs"));
        start.ArgumentList.Add(schema);
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started; install Node.js.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
