using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OfficeFlow.Tests.Infrastructure;
using OfficeFlow.Worker.Hosting;

namespace OfficeFlow.Tests.Hosting;

/// <summary>
/// Every setting the app reads is checked when it starts: a bad value stops the standalone host (and the isolated
/// worker, which builds the same services) with a message naming the setting, instead of being ignored or failing
/// at first use.
/// </summary>
public sealed class SettingsValidationTests
{
    public static TheoryData<string, string> BadSettings => new()
    {
        { "Contracts:DefaultVatRate", "двадцать" },
        { "Contracts:DefaultVatRate", "120" },
        { "Contracts:TimeZone", "Mars/Olympus" },
        { "TZ", "Mars/Olympus" },
        { "WEBSITE_TIME_ZONE", "Mars/Olympus" },
        { "Hosting:RunTimers", "sometimes" },
        { "Hosting:MaxRequestBodyBytes", "10" },
        { "Hosting:HealthStorageTimeoutSeconds", "-1" },
        { "RateLimits:WritesPerMinute", "0" },
        { "Addin:Origins", "http://addin.example.com" },
        { "Addin:ClientId", "the-addin" },
        { "Contacts:SyncLookbackDays", "-5" },
        { "Contacts:MailboxSyncSchedule", "0 61 * * * *" },
        { "Grades:Schedule", "0 0 6 1 *" },
        { "Invoices:ReminderSchedule", "every morning" },
        { "Invoices:DefaultVatRate", "abc" },
        { "Storage:ConnectionString", "not a connection string" },
        { "Storage:TableEndpoint", "http://officeflow.table.core.windows.net/" },
        { "Storage:ManagedIdentityClientId", "officeflow-identity" },
        { "Storage:TablePrefix", "1-bad" },
        { "Firm:inn", "77-14-12345" },
        { "Firm:account", "4070281093800001234" },
        { "Auth:Mode", "Sometimes" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void StandaloneHost_WithABadSetting_DoesNotStart_AndNamesIt(string key, string value)
    {
        using var factory = new OfficeFlowApiFactory().WithSettings(TestTokens.Settings).WithSetting(key, value);

        var error = Unwrap(Assert.ThrowsAny<Exception>(() => factory.CreateClient()));

        Assert.Contains(key, error.Message);
    }

    [Fact]
    public void StandaloneHost_ListsEveryBadSetting_AndNeverEchoesAConnectionString()
    {
        using var factory = new OfficeFlowApiFactory().WithSettings(TestTokens.Settings)
            .WithSetting("Contracts:DefaultVatRate", "двадцать")
            .WithSetting("Storage:ConnectionString", "AccountKey")
            .WithSetting("Firm:kpp", "12");

        var error = Unwrap(Assert.ThrowsAny<Exception>(() => factory.CreateClient()));

        Assert.Contains("Contracts:DefaultVatRate", error.Message);
        Assert.Contains("Storage:ConnectionString", error.Message);
        Assert.Contains("Firm:kpp", error.Message);
        Assert.DoesNotContain("AccountKey", error.Message);
    }

    [Fact]
    public async Task StandaloneHost_WithGoodSettings_Starts()
    {
        using var factory = new OfficeFlowApiFactory().WithSettings(TestTokens.Settings)
            .WithSetting("Contracts:DefaultVatRate", "20")
            .WithSetting("Contracts:TimeZone", "Europe/Moscow")
            .WithSetting("Addin:ClientId", "12345678-aaaa-bbbb-cccc-1234567890ab")
            .WithSetting("Firm:inn", "7714123459")
            .WithSetting("Grades:Schedule", "0 0 6 1 * *");

        var response = await factory.CreateClient().GetAsync("/api/openapi.json");

        Assert.True(response.IsSuccessStatusCode);
    }

    [Theory]
    [InlineData("Contracts:DefaultVatRate", "двадцать")]
    [InlineData("Contracts:TimeZone", "Mars/Olympus")]
    [InlineData("Grades:Schedule", "0 0 6 1 *")]
    [InlineData("Hosting:MaxRequestBodyBytes", "10")]
    [InlineData("Addin:ClientId", "the-addin")]
    public async Task Worker_WithABadSetting_DoesNotStart_AndNamesIt(string key, string value)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(TestTokens.Settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Local:DataFolder"] = Path.Combine(Path.GetTempPath(), "officeflow-settings-" + Guid.NewGuid().ToString("N")),
            [key] = value,
        });
        builder.Services.AddOfficeFlowWorker(builder.Configuration);
        using var host = builder.Build();

        var error = Unwrap(await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync()));

        Assert.Contains(key, error.Message);
    }

    private static Exception Unwrap(Exception error) => error is AggregateException { InnerException: { } inner } ? inner : error;
}
