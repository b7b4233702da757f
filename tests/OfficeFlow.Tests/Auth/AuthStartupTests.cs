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

    [Fact]
    public async Task ProductionWithoutTenant_DoesNotStart()
    {
        var error = await Assert.ThrowsAsync<AuthConfigurationException>(() => AuthTestHost.StartAsync(new Dictionary<string, string?>(), "Production"));
        Assert.Contains("Auth:TenantId", error.Message);
    }
}
