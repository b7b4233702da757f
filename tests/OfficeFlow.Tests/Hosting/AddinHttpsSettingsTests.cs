using Microsoft.Extensions.Configuration;
using OfficeFlow.Functions.Hosting;

namespace OfficeFlow.Tests.Hosting;

/// <summary>Hosting:AddinHttpsUrl, the standalone host's https listener for sideloading (no certificate needed here).</summary>
public sealed class AddinHttpsSettingsTests
{
    private static HostingSettings Read(string? https) =>
        HostingSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Hosting:AddinHttpsUrl"] = https }).Build());

    [Fact]
    public void Unset_NoHttpsListener() => Assert.Null(Read(null).AddinHttpsUrl);

    [Theory]
    [InlineData("https://localhost:7443")]
    [InlineData("https://127.0.0.1:7443/")]
    [InlineData("https://[::1]:7443")]
    public void LoopbackHttpsUrl_IsTaken(string url) => Assert.Equal(7443, Read(url).AddinHttpsUrl!.Port);

    [Theory]
    [InlineData("http://localhost:7443")]
    [InlineData("https://0.0.0.0:7443")]
    [InlineData("https://addin.example.com:7443")]
    [InlineData("https://localhost:7071")]
    [InlineData("https://localhost:7443/addin")]
    [InlineData("localhost:7443")]
    public void AnythingElse_StopsTheAppNamingTheSetting(string url)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(url));
        Assert.Contains("Hosting:AddinHttpsUrl", error.Message);
        Assert.Contains("https://localhost:7443", error.Message);
    }

    [Fact]
    public void NoDevelopmentCertificate_StopsTheAppNamingTheSettingAndTheCommand()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DevCertificate.Require(new Uri("https://localhost:7443"), find: () => null));

        Assert.Contains("Hosting:AddinHttpsUrl", error.Message);
        Assert.Contains("dotnet dev-certs https", error.Message);
        Assert.Contains("сертификата разработки", error.Message);
    }
}
