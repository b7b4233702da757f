using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Auth;

public sealed class DevelopmentModeTests : IAsyncLifetime
{
    private AuthTestHost _host = null!;

    public async Task InitializeAsync() => _host = await AuthTestHost.StartAsync(TestTokens.Settings);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return _host.Client.SendAsync(request);
    }

    [Fact]
    public async Task Me_WithoutToken_Is401SayingToSendOne()
    {
        var response = await GetAsync("/api/me", null);
        await ProblemAssert.UnauthorizedAsync(response, "token_missing", "нет токена");
    }

    [Fact]
    public async Task RouteWithoutAnyAuthorizationMarker_StillNeedsAToken()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/api/test/unmarked", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/test/unmarked", TestTokens.For("u1", Roles.Accountant))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/test/anonymous", null)).StatusCode);
    }

    [Fact]
    public async Task Me_WithDevToken_ReturnsIdNameAndRoles()
    {
        var token = DevTokenIssuer.Issue(TestTokens.Key, new DevTokenRequest("ivanov", [Roles.Manager, Roles.Accountant], "Иван Иванов"));
        var response = await GetAsync("/api/me", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<MeResponse>();
        Assert.Equal(new[] { "ivanov", "Иван Иванов" }, new[] { me!.Id, me.Name });
        Assert.Equal(new[] { Roles.Manager, Roles.Accountant }, me.Roles);
    }

    [Fact]
    public async Task TokenSignedWithAnotherKey_Is401BadSignature()
    {
        var otherKey = Convert.FromBase64String("QW5vdGhlciBrZXkgdGhhdCB0aGUgYXBwIGRvZXMgbm90IGtub3c=");
        var token = DevTokenIssuer.Issue(otherKey, new DevTokenRequest("u1", [Roles.Admin]));

        var response = await GetAsync("/api/me", token);

        await ProblemAssert.UnauthorizedAsync(response, "token_bad_signature", "Подпись токена");
    }

    [Fact]
    public async Task TamperedPayload_Is401()
    {
        var parts = TestTokens.For("u1", Roles.Manager).Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]));
        parts[1] = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload.Replace("\"manager\"", "\"admin\"", StringComparison.Ordinal));

        var response = await GetAsync("/api/test/admin", string.Join('.', parts));

        await ProblemAssert.UnauthorizedAsync(response, "token_bad_signature", "Подпись токена");
    }

    [Fact]
    public async Task ExpiredToken_Is401SignInAgain_AndWwwAuthenticateSaysInvalidToken()
    {
        var issuedLongAgo = new FixedTimeProvider(DateTimeOffset.UtcNow.AddHours(-3));
        var token = DevTokenIssuer.Issue(TestTokens.Key, new DevTokenRequest("u1", [Roles.Manager], Lifetime: TimeSpan.FromHours(1)), issuedLongAgo);

        var response = await GetAsync("/api/me", token);

        await ProblemAssert.UnauthorizedAsync(response, "token_expired", "Срок действия токена истёк: войдите снова");
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.Single().Parameter);
    }

    [Fact]
    public async Task TokenExpiredWithinClockSkew_IsStillAccepted()
    {
        var almostNow = new FixedTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-61));
        var token = DevTokenIssuer.Issue(TestTokens.Key, new DevTokenRequest("u1", [Roles.Manager], Lifetime: TimeSpan.FromHours(1)), almostNow);

        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/me", token)).StatusCode);
    }

    [Fact]
    public async Task TokenForAnotherAudience_Is401WrongAudience()
    {
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = DevTokenIssuer.Issuer,
            Audience = "some-other-api",
            Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["sub"] = "u1", ["roles"] = new[] { Roles.Admin }, ["scp"] = "access_as_user" },
            SigningCredentials = new(new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(TestTokens.Key), "HS256"),
        });

        var response = await GetAsync("/api/me", token);

        await ProblemAssert.UnauthorizedAsync(response, "token_wrong_audience", "другого приложения");
    }

    [Fact]
    public async Task GarbageToken_Is401()
    {
        var response = await GetAsync("/api/me", "not-a-jwt");
        await ProblemAssert.UnauthorizedAsync(response, "token_invalid", "Токен недействителен");
    }

    [Fact]
    public async Task ManagerOnAccountantEndpoint_Is403NamingTheMissingRole()
    {
        var response = await GetAsync("/api/test/accountant", TestTokens.For("u1", Roles.Manager));

        var body = await ProblemAssert.ForbiddenAsync(response, "нужна роль «accountant»");
        Assert.Contains("только «manager»", body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Accountant)]
    [InlineData(Roles.Admin)]
    public async Task RoleHolder_PassesOwnRolePolicy(string role)
    {
        var response = await GetAsync($"/api/test/{role}", TestTokens.For("u1", role));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"ok {role}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Admin_PassesEveryRolePolicy()
    {
        var token = TestTokens.For("boss", Roles.Admin);
        foreach (var role in Roles.All)
        {
            Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/api/test/{role}", token)).StatusCode);
        }
    }

    [Fact]
    public async Task ManagerOnAdminEndpoint_Is403()
    {
        await ProblemAssert.ForbiddenAsync(await GetAsync("/api/test/admin", TestTokens.For("u1", Roles.Manager, Roles.Accountant)), "роль «admin»");
    }
}

/// <summary>A clock stopped at one instant, for minting tokens "in the past".</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
