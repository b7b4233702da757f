using System.Net;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Addin;

/// <summary>CORS on /api for the add-in deployed at another origin (Addin:Origins).</summary>
public sealed class AddinCorsTests : IDisposable
{
    private const string Allowed = "https://addin.bizsoft-firm.ru";

    private readonly OfficeFlowApiFactory _app = new OfficeFlowApiFactory()
        .WithSettings(TestTokens.Settings)
        .WithSetting("Addin:Origins", $"{Allowed}, https://localhost:7443/");

    public void Dispose() => _app.Dispose();

    private Task<HttpResponseMessage> PreflightAsync(string origin, string method = "PUT", string headers = "authorization,content-type,if-match")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/clients/cl0123456789abcdef0123");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return _app.CreateClient().SendAsync(request);
    }

    [Theory]
    [InlineData(Allowed)]
    [InlineData("https://localhost:7443")]
    public async Task Preflight_FromAnAllowedOrigin_IsAllowedWithoutAToken(string origin)
    {
        var response = await PreflightAsync(origin);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(origin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var headers = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", headers);
        Assert.Contains("content-type", headers);
        Assert.Contains("PUT", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")));
    }

    [Fact]
    public async Task Preflight_FromAnotherOrigin_GetsNoAllowOrigin()
    {
        var response = await PreflightAsync("https://evil.example.com");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task ActualRequest_FromAnAllowedOrigin_ExposesTheHeadersThePanesRead()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("Origin", Allowed);
        request.Headers.Authorization = TestTokens.Bearer("u1", "manager");

        var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Allowed, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var exposed = string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers"));
        foreach (var header in new[] { "ETag", "X-Contract-Number", "Content-Disposition", "Retry-After" })
        {
            Assert.Contains(header, exposed);
        }
    }

    [Fact]
    public void Origins_NotHttps_StopTheAppNamingTheSetting()
    {
        using var app = new OfficeFlowApiFactory().WithSettings(TestTokens.Settings).WithSetting("Addin:Origins", "http://addin.example.com");

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Addin:Origins", error.ToString());
    }
}
