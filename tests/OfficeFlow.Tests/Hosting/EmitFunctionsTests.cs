using System.Text.Json.Nodes;
using OfficeFlow.Cli;
using OfficeFlow.Cli.Hosting;
using OfficeFlow.Functions.Hosting.Catalog;
using OfficeFlow.Functions.Hosting.Schedules;

namespace OfficeFlow.Tests.Hosting;

public sealed class EmitFunctionsTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "officeflow-emit-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    private async Task<(int Exit, string Stdout, string Stderr)> EmitAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(["emit-functions", .. args], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task EmitFunctions_WritesOneFolderPerCatalogFunction_AndNothingElse()
    {
        var (exit, stdout, stderr) = await EmitAsync("--out", _out, "--no-publish");

        Assert.True(exit == 0, stderr);
        Assert.Contains("handler not published", stdout);
        var catalog = await EmitFunctionsCommand.ReadCatalogAsync();
        var folders = Directory.GetDirectories(_out).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(catalog.Names.Order(StringComparer.Ordinal).ToArray(), folders);
        Assert.All(folders, f => Assert.True(File.Exists(Path.Combine(_out, f, "function.json"))));
        Assert.Equal(["host.json"], Directory.GetFiles(_out).Select(f => Path.GetFileName(f)).ToArray());
    }

    [Fact]
    public async Task EmitFunctions_HttpFunctionJson_MatchesTheCatalogsRouteAndMethods()
    {
        await EmitAsync("--out", _out, "--no-publish");
        var catalog = await EmitFunctionsCommand.ReadCatalogAsync();

        foreach (var function in catalog.HttpFunctions)
        {
            var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_out, function.Name, "function.json")))!;
            var bindings = json["bindings"]!.AsArray();
            var trigger = bindings[0]!;
            Assert.Equal("httpTrigger", (string?)trigger["type"]);
            Assert.Equal("in", (string?)trigger["direction"]);
            Assert.Equal("anonymous", (string?)trigger["authLevel"]);
            Assert.Equal(function.Route, (string?)trigger["route"]);
            Assert.Equal(function.Methods, trigger["methods"]!.AsArray().Select(m => (string)m!).ToArray());
            Assert.Equal("http", (string?)bindings[1]!["type"]);
            Assert.Equal("out", (string?)bindings[1]!["direction"]);
            Assert.Equal("res", (string?)bindings[1]!["name"]);
        }

        Assert.Contains(catalog.HttpFunctions, f => f.Name == "Health");
    }

    [Fact]
    public async Task EmitFunctions_HostJson_IsTheRepositorysOne()
    {
        await EmitAsync("--out", _out, "--no-publish");

        var emitted = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "host.json")))!;
        var repo = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(NodeJsonSchema.RepositoryRoot, "host.json")))!;
        Assert.True(JsonNode.DeepEquals(repo, emitted));
        Assert.Equal("2.0", (string?)emitted["version"]);
        Assert.Equal(EmitFunctionsCommand.HandlerAssemblyName, (string?)emitted["customHandler"]!["description"]!["defaultExecutablePath"]);
        Assert.True((bool)emitted["customHandler"]!["enableForwardingHttpRequest"]!);
        Assert.Equal("api", (string?)emitted["extensions"]!["http"]!["routePrefix"]);
    }

    [Fact]
    public async Task EmitFunctions_Output_ValidatesAgainstTheAzureFunctionsSchemas()
    {
        await EmitAsync("--out", _out, "--no-publish");

        var host = await NodeJsonSchema.ValidateAsync(NodeJsonSchema.HostSchema, Path.Combine(_out, "host.json"));
        var functions = await NodeJsonSchema.ValidateAsync(
            NodeJsonSchema.FunctionSchema, Directory.GetFiles(_out, "function.json", SearchOption.AllDirectories));

        Assert.True(host.ExitCode == 0, host.Output);
        Assert.True(functions.ExitCode == 0, functions.Output);
        Assert.DoesNotContain("invalid", functions.Output);
    }

    [Fact]
    public async Task RepositoryHostJson_ValidatesAgainstTheHostSchema()
    {
        var result = await NodeJsonSchema.ValidateAsync(NodeJsonSchema.HostSchema, Path.Combine(NodeJsonSchema.RepositoryRoot, "host.json"));

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public async Task TimerFunctionJson_ValidatesAndCarriesTheSchedule()
    {
        var definition = new TimerFunctionDefinition("MailboxSync", TimerSchedule.Parse("0 */15 * * * *"), "default");
        Directory.CreateDirectory(Path.Combine(_out, "MailboxSync"));
        var file = Path.Combine(_out, "MailboxSync", "function.json");
        await File.WriteAllTextAsync(file, FunctionJson.ForTimer(definition).ToJsonString());

        var result = await NodeJsonSchema.ValidateAsync(NodeJsonSchema.FunctionSchema, file);

        Assert.True(result.ExitCode == 0, result.Output);
        var binding = JsonNode.Parse(await File.ReadAllTextAsync(file))!["bindings"]![0]!;
        Assert.Equal("timerTrigger", (string?)binding["type"]);
        Assert.Equal("timer", (string?)binding["name"]);
        Assert.Equal("0 */15 * * * *", (string?)binding["schedule"]);
        Assert.False((bool)binding["runOnStartup"]!);
        Assert.True((bool)binding["useMonitor"]!);
    }

    [Fact]
    public async Task SchemaCheck_RejectsABrokenFunctionJson_SoTheValidationTestsCanFail()
    {
        Directory.CreateDirectory(_out);
        var file = Path.Combine(_out, "broken.json");
        await File.WriteAllTextAsync(file, """{"bindings":[{"type":"httpTrigger","direction":"in","name":"req","authLevel":"everyone"}]}""");

        var result = await NodeJsonSchema.ValidateAsync(NodeJsonSchema.FunctionSchema, file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("invalid", result.Output);
    }

    [Fact]
    public async Task EmitFunctions_RemovesFoldersOfFunctionsThatNoLongerExist()
    {
        var stale = Path.Combine(_out, "RetiredFunction");
        Directory.CreateDirectory(stale);
        await File.WriteAllTextAsync(Path.Combine(stale, "function.json"), "{}");

        var (exit, stdout, _) = await EmitAsync("--out", _out, "--no-publish");

        Assert.Equal(0, exit);
        Assert.False(Directory.Exists(stale));
        Assert.Contains("RetiredFunction", stdout);
    }

    [Fact]
    public async Task EmitFunctions_WithoutOut_ExplainsTheUsage()
    {
        var (exit, _, stderr) = await EmitAsync("--no-publish");

        Assert.Equal(2, exit);
        Assert.Contains("--out DIR is required", stderr);
    }
}
