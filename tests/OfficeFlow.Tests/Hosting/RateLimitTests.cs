using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Hosting;

/// <summary>Writes are limited per user (RateLimits:WritesPerMinute); over the limit a user hears 429, when to retry, in Russian.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly OfficeFlowApiFactory _factory = new OfficeFlowApiFactory().WithSettings(TestTokens.Settings).WithSetting("RateLimits:WritesPerMinute", "3");

    public void Dispose() => _factory.Dispose();

    // An invalid invoice: refused by validation before any storage call, but a write all the same.
    private static Task<HttpResponseMessage> WriteAsync(HttpClient client) =>
        client.PostAsync("/api/invoices", new StringContent("{}", Encoding.UTF8, "application/json"));

    [Fact]
    public async Task WritesOverTheLimit_Are429WithRetryAfter_ForThatUserOnly()
    {
        var ivanov = _factory.CreateClient().WithToken("ivanov", Roles.Manager);
        var petrova = _factory.CreateClient().WithToken("petrova", Roles.Manager);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await WriteAsync(ivanov)).StatusCode);
        }

        var refused = await WriteAsync(ivanov);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Слишком много запросов", problem.GetProperty("title").GetString());
        Assert.Contains("не больше 3 в минуту", problem.GetProperty("detail").GetString());

        // Another user writes on; the first still reads.
        Assert.Equal(HttpStatusCode.BadRequest, (await WriteAsync(petrova)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ivanov.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task CallersWithoutAValidToken_DoNotSpendAUsersBudget()
    {
        var anonymous = _factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await WriteAsync(anonymous)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await WriteAsync(_factory.CreateClient().WithToken("ivanov", Roles.Manager))).StatusCode);
    }
}
