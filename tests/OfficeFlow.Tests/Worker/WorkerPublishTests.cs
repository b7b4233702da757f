using System.Diagnostics;
using System.Text.Json.Nodes;
using OfficeFlow.Tests.Hosting;
using OfficeFlow.Worker.Hosting;

namespace OfficeFlow.Tests.Worker;

/// <summary>
/// `dotnet publish` of OfficeFlow.Worker (with --no-build: the test project's reference has just built it in the same
/// configuration) gives the folder to deploy: functions.metadata with every function, worker.config.json, host.json.
/// </summary>
public sealed class WorkerPublishTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string _out = Path.Combine(Path.GetTempPath(), "officeflow-publish-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Fact]
    public async Task Publish_WritesEveryFunction_TimersWithTheirSettingSchedules_AndTheHostFiles()
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = NodeJsonSchema.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "publish", Path.Combine("functions", "OfficeFlow.Worker"), "-c", Configuration, "--no-build", "-o", _out, "--nologo" })
        {
            start.ArgumentList.Add(arg);
        }

        using (var process = Process.Start(start)!)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await output + await error);
        }

        Assert.True(File.Exists(Path.Combine(_out, "worker.config.json")));
        Assert.True(File.Exists(Path.Combine(_out, "OfficeFlow.Worker.dll")));
        var host = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "host.json")))!;
        Assert.Equal("2.0", (string?)host["version"]);
        Assert.Equal("api", (string?)host["extensions"]!["http"]!["routePrefix"]);
        Assert.Null(host["customHandler"]);
        // The host exports its telemetry through OpenTelemetry too, so the worker's and the host's traces correlate.
        Assert.Equal("OpenTelemetry", (string?)host["telemetryMode"]);
        var schema = await NodeJsonSchema.ValidateAsync(NodeJsonSchema.HostSchema, Path.Combine(_out, "host.json"));
        Assert.True(schema.ExitCode == 0, schema.Output);

        var metadata = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "functions.metadata")))!.AsArray();
        var functions = metadata.ToDictionary(f => (string)f!["name"]!, f => f!["bindings"]!.AsArray()[0]!);
        Assert.Equal(
            WorkerFunctionList.Http.Select(f => f.Name).Concat(WorkerFunctionList.Timers.Select(t => t.Name)).Order(StringComparer.Ordinal),
            functions.Keys.Order(StringComparer.Ordinal));
        foreach (var function in WorkerFunctionList.Http)
        {
            var trigger = functions[function.Name];
            Assert.Equal("httpTrigger", (string?)trigger["type"]);
            Assert.Equal(function.Route, (string?)trigger["route"]);
            Assert.Equal(function.Methods, trigger["methods"]!.AsArray().Select(m => (string)m!).Order(StringComparer.Ordinal));
            Assert.Equal("Anonymous", (string?)trigger["authLevel"], ignoreCase: true);
        }

        foreach (var timer in WorkerFunctionList.Timers)
        {
            var trigger = functions[timer.Name];
            Assert.Equal("timerTrigger", (string?)trigger["type"]);
            Assert.Equal($"%{timer.ScheduleSetting}%", (string?)trigger["schedule"]);
            Assert.NotEqual(true, (bool?)trigger["runOnStartup"]);
        }

        Assert.Equal(["%Contacts:MailboxSyncSchedule%", "%Grades:Schedule%", "%Invoices:ReminderSchedule%"],
            WorkerFunctionList.Timers.Select(t => (string)functions[t.Name]["schedule"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task HostSchemaCheck_RejectsABrokenHostJson_SoThePublishTestCanFail()
    {
        Directory.CreateDirectory(_out);
        var file = Path.Combine(_out, "host.json");
        await File.WriteAllTextAsync(file, """{"version":"2.0","functionTimeout":"forever"}""");

        var result = await NodeJsonSchema.ValidateAsync(NodeJsonSchema.HostSchema, file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("invalid", result.Output);
    }
}
