using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Hosting;
using OfficeFlow.Functions.Hosting.Catalog;
using OfficeFlow.Functions.Hosting.Schedules;
using OfficeFlow.Worker.Hosting;

namespace OfficeFlow.Tests.Infra;

/// <summary>infra/main.bicep compiles, lints clean (bicepconfig.json makes the rules errors) and deploys what the worker needs.</summary>
public sealed class BicepTests
{
    [Fact]
    public async Task Build_CompilesWithoutAnyWarning()
    {
        var file = Path.Combine(Path.GetTempPath(), "officeflow-build-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var (exit, output) = await BicepCli.RunAsync("build", BicepCli.MainBicep, "--outfile", file);

            Assert.True(exit == 0, output);
            Assert.Equal("", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Lint_FindsNothing()
    {
        var (exit, output) = await BicepCli.RunAsync("lint", BicepCli.MainBicep);

        Assert.True(exit == 0, output);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task Build_TypeChecksResourceProperties_SoTheseTestsCanFail()
    {
        var folder = Directory.CreateTempSubdirectory("officeflow-bicep-");
        try
        {
            var broken = Path.Combine(folder.FullName, "broken.bicep");
            await File.WriteAllTextAsync(broken, (await File.ReadAllTextAsync(BicepCli.MainBicep)).Replace("httpsOnly: true", "httpsOnly: true\n    httpsEverywhere: true", StringComparison.Ordinal));
            File.Copy(Path.Combine(Path.GetDirectoryName(BicepCli.MainBicep)!, "bicepconfig.json"), Path.Combine(folder.FullName, "bicepconfig.json"));

            var (_, output) = await BicepCli.RunAsync("build", broken, "--stdout");

            Assert.Contains("BCP037", output);
            Assert.Contains("httpsEverywhere", output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task FunctionApp_IsAFlexConsumptionDotnetIsolated10Worker_DeployedFromABlobContainerWithItsIdentity()
    {
        var template = await BicepCli.BuildAsync();

        var plan = BicepCli.Resource(template, "Microsoft.Web/serverfarms");
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        var config = BicepCli.Resource(template, "Microsoft.Web/sites")["properties"]!["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]!["version"]);
        Assert.Equal("blobContainer", (string?)config["deployment"]!["storage"]!["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);
        Assert.NotNull(config["scaleAndConcurrency"]!["maximumInstanceCount"]);
        Assert.False((bool)BicepCli.Resource(template, "Microsoft.Storage/storageAccounts")["properties"]!["allowSharedKeyAccess"]!);
        Assert.NotNull(BicepCli.Resource(template, "Microsoft.Web/staticSites"));
        Assert.NotNull(BicepCli.Resource(template, "Microsoft.Insights/components"));
    }

    [Fact]
    public async Task AppSettings_UseTheIdentityForStorage_AndNothingFlexRejects()
    {
        var settings = AppSettings(await BicepCli.BuildAsync());

        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Contains("AzureWebJobsStorage__accountName", settings.Keys);
        Assert.Contains("AzureWebJobsStorage__clientId", settings.Keys);
        Assert.DoesNotContain(settings.Keys, k => k is "AzureWebJobsStorage" or "FUNCTIONS_WORKER_RUNTIME" or "FUNCTIONS_EXTENSION_VERSION" or "WEBSITE_TIME_ZONE" or "TZ");
        Assert.DoesNotContain(settings.Values, v => v.Contains("AccountKey", StringComparison.OrdinalIgnoreCase) || v.Contains("listKeys", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Settings the code reads that Azure leaves at their defaults, each for a reason; anything else the code reads must
    /// be set by the Bicep. Sections the code binds whole are written "Section:*".
    /// </summary>
    private static readonly Dictionary<string, string> LeftToDefaults = new(StringComparer.OrdinalIgnoreCase)
    {
        ["WEBSITE_TIME_ZONE"] = "not supported on Linux Flex; the app's business zone defaults to Europe/Moscow",
        ["TZ"] = "as WEBSITE_TIME_ZONE",
        ["Storage:ConnectionString"] = "no keys in Azure: Storage:TableEndpoint with the managed identity",
        ["Storage:TablePrefix"] = "the account is OfficeFlow's own",
        ["Storage:RequestBudgetSeconds"] = "4 seconds: a request's storage calls end within the 5 s a user waits",
        ["Auth:ClientId"] = "Auth:Audience names the API",
        ["Auth:Instance"] = "the public cloud's login.microsoftonline.com",
        ["Auth:MetadataAddress"] = "derived from Auth:Instance and Auth:TenantId",
        ["Auth:Scope"] = "access_as_user",
        ["Auth:AllowDevelopmentMode"] = "never in Azure",
        ["Auth:DevSigningKey"] = "Development mode only",
        ["Auth:DevTokenMinutes"] = "Development mode only",
        ["Local:DataFolder"] = "local mode only: Graph is configured",
        ["Graph:ClientId"] = "the managed identity, not an app secret",
        ["Graph:ClientSecret"] = "the managed identity, not an app secret",
        ["Graph:ManagedIdentityClientId"] = "AZURE_CLIENT_ID names the identity",
        ["Graph:Instance"] = "the public cloud",
        ["Graph:BaseUrl"] = "the public Graph endpoint",
        ["Graph:ArchiveFolder"] = "OfficeFlow",
        ["Hosting:StandaloneUrl"] = "standalone host only",
        ["Hosting:AddinHttpsUrl"] = "standalone host only",
        ["Hosting:RunTimers"] = "standalone host only",
        ["Hosting:HealthStorageTimeoutSeconds"] = "3 seconds",
        ["Hosting:MaxRequestBodyBytes"] = "4 MB: a log-email body with its HTML is far below it",
        ["RateLimits:WritesPerMinute"] = "120 writes a minute per user: generous for a person, a brake for a runaway script",
        ["Addin:Folder"] = "standalone host only: the Static Web App serves the add-in",
        // Whole sections (a key ending in ':' covers the section).
        ["Contacts:"] = "own domains, never-log and free-mail lists, sync tuning: documented defaults (docs/contacts.md), set per firm in the portal",
        ["Contracts:"] = "documented defaults (docs/contracts.md)",
        ["Invoices:"] = "documented defaults (docs/invoices.md); Invoices:ReminderSchedule is set",
        ["Grades:"] = "documented defaults (docs/grades.md); Grades:Schedule and Grades:AccountantEmail are set",
        ["Firm:"] = "the firm's requisites: firm data, set in the portal after deployment (README, Configuration)",
    };

    /// <summary>Configuration the .NET host and logging read for themselves, not OfficeFlow's settings.</summary>
    private static readonly string[] FrameworkSections = ["Logging:", "Metrics:", "ReadOnlyDataProtectionKeyDirectory", "servicesStartConcurrently", "servicesStopConcurrently", "shutdownTimeoutSeconds", "startupTimeoutSeconds"];

    private static bool IsLeftToDefault(string key) =>
        LeftToDefaults.ContainsKey(key) || LeftToDefaults.Keys.Any(k => k.EndsWith(':') && key.StartsWith(k, StringComparison.OrdinalIgnoreCase));

    /// <summary>Settings the Bicep sets for the Functions host, the platform or the Azure SDK, not for OfficeFlow's code.</summary>
    private static readonly HashSet<string> ForThePlatform = new(StringComparer.OrdinalIgnoreCase)
    {
        "AzureWebJobsStorage:accountName", "AzureWebJobsStorage:credential", "AzureWebJobsStorage:clientId", "APPLICATIONINSIGHTS_CONNECTION_STRING",
    };

    [Fact]
    public async Task AppSettings_AreTheOnesTheCodeReads_BothWays()
    {
        var bicep = AppSettings(await BicepCli.BuildAsync()).Keys.Select(k => k.Replace("__", ":", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var read = await SettingsTheWorkerReadsAsync(bicep);

        // Every setting the code reads is set by the Bicep or deliberately left to its default.
        var unset = read.Where(k => !bicep.Contains(k) && !IsLeftToDefault(k)).Order().ToArray();
        Assert.True(unset.Length == 0, "The code reads settings the Bicep does not set: " + string.Join(", ", unset));

        // Every setting the Bicep sets is read by the code (the timers' through their %Setting% schedules) or is the platform's.
        var unread = bicep.Where(k => !read.Contains(k) && !ForThePlatform.Contains(k)).Order().ToArray();
        Assert.True(unread.Length == 0, "The Bicep sets settings no code reads: " + string.Join(", ", unread));

        // The defaults list stays honest: nothing in it is set by the Bicep.
        Assert.DoesNotContain(LeftToDefaults.Keys, bicep.Contains);
    }

    [Fact]
    public async Task Schedules_GradesAt0600AndRemindersAt0900MoscowTime_InBothHosts()
    {
        var template = await BicepCli.BuildAsync();
        var moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
        var after = new DateTimeOffset(2026, 10, 15, 12, 0, 0, TimeSpan.Zero);
        var firstOfNovemberSix = new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.FromHours(3));
        var tomorrowNine = new DateTimeOffset(2026, 10, 16, 9, 0, 0, TimeSpan.FromHours(3));
        await using var standalone = OfficeFlowApp.Build(["--environment", "Production"]);
        var catalog = standalone.Services.GetRequiredService<FunctionCatalogAccessor>().Catalog;
        var schedules = catalog.TimerFunctions.ToDictionary(t => t.Name, t => t.Schedule);

        // Standalone host: its schedules (the code's defaults), read in its zone (WEBSITE_TIME_ZONE / TZ unset: Europe/Moscow).
        var zone = standalone.Services.GetRequiredService<HostingSettings>().TimeZone;
        Assert.Equal(moscow.Id, zone.Id);
        Assert.Equal(firstOfNovemberSix, schedules["MonthlyGrades"].GetNextOccurrence(after, zone));
        Assert.Equal(tomorrowNine, schedules["InvoiceReminders"].GetNextOccurrence(after, zone));

        // Worker on Linux Flex: the Bicep's settings, read by the host in UTC.
        var settings = AppSettings(template);
        Assert.Equal(firstOfNovemberSix, TimerSchedule.Parse(settings["Grades__Schedule"]).GetNextOccurrence(after, TimeZoneInfo.Utc));
        Assert.Equal(tomorrowNine, TimerSchedule.Parse(settings["Invoices__ReminderSchedule"]).GetNextOccurrence(after, TimeZoneInfo.Utc));
        Assert.Equal(schedules["MailboxSync"].Expression, settings["Contacts__MailboxSyncSchedule"]);
    }

    /// <summary>The Function App's app settings, name to value; a value that is a parameter reference resolves to the parameter's default.</summary>
    private static Dictionary<string, string> AppSettings(JsonNode template)
    {
        var parameters = template["parameters"]!.AsObject();
        return BicepCli.Resource(template, "Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => (string)s!["name"]!, s =>
            {
                var value = (string)s!["value"]!;
                return value.StartsWith("[parameters('", StringComparison.Ordinal) && parameters[value[13..^3]]?["defaultValue"] is { } d ? (string)d! : value;
            });
    }

    /// <summary>Starts the worker's services (their start-up checks load every settings class) on a configuration that
    /// records each key looked up, then resolves every OfficeFlow service and maps the API; adds the timers' schedule settings.</summary>
    private static async Task<HashSet<string>> SettingsTheWorkerReadsAsync(IEnumerable<string> bicepKeys)
    {
        var recorder = new RecordingConfigurationSource(bicepKeys.ToDictionary(k => k, ValueFor, StringComparer.OrdinalIgnoreCase));
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new Microsoft.Extensions.Hosting.HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.Sources.Clear();
        ((IConfigurationBuilder)builder.Configuration).Add(recorder);
        builder.Services.AddOfficeFlowWorker(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        foreach (var descriptor in builder.Services.Where(d => d.Lifetime == ServiceLifetime.Singleton && !d.ServiceType.ContainsGenericParameters
                     && d.ServiceType.Namespace?.StartsWith("OfficeFlow.", StringComparison.Ordinal) == true))
        {
            host.Services.GetServices(descriptor.ServiceType).ToList();
        }

        await host.StopAsync();
        var read = recorder.Keys.Where(k => !FrameworkSections.Any(f => k.StartsWith(f, StringComparison.OrdinalIgnoreCase))).ToHashSet(StringComparer.OrdinalIgnoreCase);
        read.UnionWith(WorkerFunctionList.Timers.Select(t => t.ScheduleSetting));
        return read;
    }

    private static string? ValueFor(string key) => key switch
    {
        "Storage:TableEndpoint" => "https://officeflowtest.table.core.windows.net/",
        "Auth:Mode" => "EntraId",
        "Auth:TenantId" or "Graph:TenantId" => "11111111-2222-3333-4444-555555555555",
        "Auth:Audience" => "api://66666666-7777-8888-9999-000000000000",
        "Storage:ManagedIdentityClientId" or "AZURE_CLIENT_ID" or "AzureWebJobsStorage:clientId" => "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
        "Graph:UseManagedIdentity" => "true",
        "Graph:Mailbox" => "office@bizsoft-firm.ru",
        "Graph:DriveId" => "b!drive",
        "Grades:AccountantEmail" => "buh@bizsoft-firm.ru",
        "Addin:Origins" => "https://addin.bizsoft-firm.ru",
        "Addin:ClientId" => "12345678-aaaa-bbbb-cccc-1234567890ab",
        "Grades:Schedule" => "0 0 3 1 * *",
        "Invoices:ReminderSchedule" => "0 0 6 * * *",
        "Contacts:MailboxSyncSchedule" => "0 */15 * * * *",
        _ => "x",
    };
}

/// <summary>An in-memory configuration that records every key the code looks up (and "Section:*" for sections it enumerates).</summary>
internal sealed class RecordingConfigurationSource(IDictionary<string, string?> values) : IConfigurationSource
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _keys = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> Keys => _keys.Keys;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(this, values);

    private sealed class Provider(RecordingConfigurationSource source, IDictionary<string, string?> values) : ConfigurationProvider
    {
        public override void Load() => Data = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);

        public override bool TryGet(string key, out string? value)
        {
            source._keys.TryAdd(key, 0);
            return base.TryGet(key, out value);
        }

        public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
        {
            if (parentPath is not null)
            {
                source._keys.TryAdd(parentPath + ":*", 0);
            }

            return base.GetChildKeys(earlierKeys, parentPath);
        }
    }
}
