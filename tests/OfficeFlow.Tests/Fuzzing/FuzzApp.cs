using System.Net.Http.Headers;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Fuzzing;

/// <summary>The app as both fuzzers drive it: real Azurite, no write limit (a fuzzer is one very busy user), and an
/// admin client, whom every route admits, so a refusal is about the request and not the role.</summary>
internal static class FuzzApp
{
    public static (OfficeFlowApiFactory Factory, HttpClient Admin) Start(AzuriteFixture azurite, string name, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var factory = new OfficeFlowApiFactory()
            .WithSettings(TestTokens.Settings)
            .WithSettings(settings ?? new Dictionary<string, string?>())
            .WithSetting("Storage:ConnectionString", azurite.ConnectionString)
            .WithSetting("RateLimits:WritesPerMinute", "100000")
            .WithSetting("Local:DataFolder", Path.Combine(Path.GetTempPath(), $"officeflow-{name}-" + Guid.NewGuid().ToString("N")));
        var admin = factory.CreateClient();
        admin.Timeout = TimeSpan.FromSeconds(60);
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("fuzzer", Roles.Admin));
        return (factory, admin);
    }
}
