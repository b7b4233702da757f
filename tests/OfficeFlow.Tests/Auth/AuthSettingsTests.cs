using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using OfficeFlow.Functions.Auth;

namespace OfficeFlow.Tests.Auth;

public sealed class AuthSettingsTests
{
    private static AuthSettings Load(string environment, params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();
        return AuthSettings.Load(configuration, new Environment(environment));
    }

    [Fact]
    public void DevelopmentModeInProduction_IsRefused_NamingTheSetting()
    {
        var error = Assert.Throws<AuthConfigurationException>(() => Load("Production", ("Auth:Mode", "Development"), ("Auth:DevSigningKey", Infrastructure.TestTokens.DevSigningKey)));
        Assert.Contains("Auth:AllowDevelopmentMode", error.Message);
    }

    [Fact]
    public void DevelopmentModeInProduction_RunsWhenExplicitlyAllowed()
    {
        var settings = Load("Production", ("Auth:Mode", "Development"), ("Auth:DevSigningKey", Infrastructure.TestTokens.DevSigningKey), ("Auth:AllowDevelopmentMode", "true"));
        Assert.Equal(AuthMode.Development, settings.Mode);
    }

    [Fact]
    public void NoModeInProduction_MeansEntraId_AndAsksForTheTenant()
    {
        var error = Assert.Throws<AuthConfigurationException>(() => Load("Production"));
        Assert.StartsWith("Auth:TenantId is missing", error.Message);
    }

    [Fact]
    public void EntraIdWithoutClientId_AsksForIt()
    {
        var error = Assert.Throws<AuthConfigurationException>(() => Load("Production", ("Auth:TenantId", Guid.NewGuid().ToString())));
        Assert.StartsWith("Auth:ClientId is missing", error.Message);
    }

    [Fact]
    public void EntraId_AcceptsApiUriAndClientIdAudiences_AndBothIssuerForms()
    {
        var tenant = Guid.NewGuid().ToString();
        var settings = Load("Production", ("Auth:TenantId", tenant), ("Auth:ClientId", "cid"));
        Assert.Equal(["api://cid", "cid"], settings.Audiences);
        Assert.Equal([$"https://login.microsoftonline.com/{tenant}/v2.0", $"https://sts.windows.net/{tenant}/"], settings.Issuers);
        Assert.Equal($"https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration", settings.MetadataAddress);
    }

    [Fact]
    public void EntraId_WithOnlyAnApiUriAudience_AlsoAcceptsItsClientIdForV2Tokens()
    {
        var settings = Load("Production", ("Auth:TenantId", Guid.NewGuid().ToString()), ("Auth:Audience", "api://AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE"));
        Assert.Equal(["api://AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"], settings.Audiences);
    }

    [Fact]
    public void PlainHttpMetadataOffLoopback_IsRefused()
    {
        var error = Assert.Throws<AuthConfigurationException>(() => Load("Production",
            ("Auth:TenantId", Guid.NewGuid().ToString()), ("Auth:ClientId", "cid"), ("Auth:MetadataAddress", "http://example.com/.well-known/openid-configuration")));
        Assert.StartsWith("Auth:MetadataAddress", error.Message);
    }

    [Theory]
    [InlineData("c2hvcnQ=", "at least 32")]
    [InlineData("not base64!", "not base64")]
    public void BadDevSigningKey_NamesTheSetting(string key, string why)
    {
        var error = Assert.Throws<AuthConfigurationException>(() => Load("Development", ("Auth:DevSigningKey", key)));
        Assert.Contains("Auth:DevSigningKey", error.Message);
        Assert.Contains(why, error.Message);
    }

    [Fact]
    public void UnknownMode_NamesTheSetting()
    {
        var error = Assert.Throws<AuthConfigurationException>(() => Load("Development", ("Auth:Mode", "Basic")));
        Assert.StartsWith("Auth:Mode 'Basic'", error.Message);
    }

    [Fact]
    public void DevelopmentEnvironmentWithoutKey_GeneratesOneFileOnce_AndReusesIt()
    {
        var folder = Path.Combine(Path.GetTempPath(), "officeflow-auth-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = Load("Development", ("Local:DataFolder", folder));
            var second = Load("Development", ("Local:DataFolder", folder));

            Assert.Equal(AuthMode.Development, first.Mode);
            Assert.Equal(32, first.DevSigningKey.Length);
            Assert.Equal(first.DevSigningKey, second.DevSigningKey);
            Assert.Equal(first.DevSigningKey, Convert.FromBase64String(File.ReadAllText(Path.Combine(folder, DevSigningKey.FileName))));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "OfficeFlow.Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
