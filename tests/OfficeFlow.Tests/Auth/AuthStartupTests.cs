using OfficeFlow.Functions.Auth;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Auth;

/// <summary>A wrong Auth setting stops the app at start-up with a message naming the setting, instead of 401 on every call.</summary>
public sealed class AuthStartupTests
{
    [Fact]
    public async Task ProductionInDevelopmentMode_DoesNotStart()
    {
        var settings = new Dictionary<string, string?> { ["Auth:Mode"] = "Development", ["Auth:DevSigningKey"] = TestTokens.DevSigningKey };
        var error = await Assert.ThrowsAsync<AuthConfigurationException>(() => AuthTestHost.StartAsync(settings, "Production"));
        Assert.Contains("Auth:AllowDevelopmentMode", error.Message);
    }

    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME", "custom", "Development")]
    [InlineData("WEBSITE_SITE_NAME", "officeflow-prod", "Production")]
    [InlineData("WEBSITE_INSTANCE_ID", "0a1b2c3d4e5f", "Production")]
    public void DevelopmentMode_UnderTheFunctionsHostOrInAzure_RefusesToStartEvenWhenAllowed(string marker, string value, string environment)
    {
        // The real app, with the settings that let development tokens through on a test machine (AllowDevelopmentMode=true).
        using var factory = new OfficeFlowApiFactory().WithSettings(TestTokens.Settings).WithSetting(marker, value).WithEnvironment(environment);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var refusal = Assert.IsType<AuthConfigurationException>(error is AggregateException aggregate ? aggregate.InnerException : error);
        Assert.Contains(marker, refusal.Message);
        Assert.Contains("Auth:Mode=EntraId", refusal.Message);
    }

    [Fact]
    public async Task DevelopmentMode_OnATestMachine_StillStartsAndAcceptsDevelopmentTokens()
    {
        using var factory = new OfficeFlowApiFactory().WithSettings(TestTokens.Settings).WithEnvironment("Production");

        var response = await factory.CreateClient().WithToken("u1", Roles.Manager).GetAsync("/api/me");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ProductionWithoutTenant_DoesNotStart()
    {
        var error = await Assert.ThrowsAsync<AuthConfigurationException>(() => AuthTestHost.StartAsync(new Dictionary<string, string?>(), "Production"));
        Assert.Contains("Auth:TenantId", error.Message);
    }
}
