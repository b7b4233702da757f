using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using OfficeFlow.Functions.Auth;

namespace OfficeFlow.Tests.Auth;

/// <summary>Production mode against a loopback stand-in for Entra ID's metadata and keys; the environment is Production.</summary>
public sealed class EntraIdModeTests : IAsyncLifetime
{
    private EntraIdStub _entra = null!;
    private AuthTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _entra = await EntraIdStub.StartAsync();
        _host = await AuthTestHost.StartAsync(_entra.Settings, environment: "Production");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _entra.DisposeAsync();
    }

    private Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        return _host.Client.SendAsync(request);
    }

    [Fact]
    public async Task ValidUserToken_GetsMe_WithObjectIdNameAndRoles()
    {
        var response = await GetAsync("/api/me", _entra.UserToken(oid: "0a1b", roles: [Roles.Manager]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<MeResponse>();
        Assert.Equal("0a1b", me!.Id);
        Assert.Equal("Анна Петрова", me.Name);
        Assert.Equal([Roles.Manager], me.Roles);
    }

    [Fact]
    public async Task V1TokenForTheApiUri_IsAccepted()
    {
        var token = _entra.UserToken(issuer: EntraIdStub.V1Issuer(EntraIdStub.TenantId), audience: $"api://{EntraIdStub.ClientId}", roles: [Roles.Accountant]);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/test/accountant", token)).StatusCode);
    }

    [Fact]
    public async Task TokenOfAnotherTenant_Is401()
    {
        var token = _entra.UserToken(issuer: EntraIdStub.V2Issuer(EntraIdStub.OtherTenantId), tenant: EntraIdStub.OtherTenantId, roles: [Roles.Admin]);
        await ProblemAssert.UnauthorizedAsync(await GetAsync("/api/me", token), "token_wrong_issuer", "учётной записью своей организации");
    }

    [Fact]
    public async Task TokenWithOurIssuerButAnotherTid_Is401WrongTenant()
    {
        var token = _entra.UserToken(tenant: EntraIdStub.OtherTenantId, roles: [Roles.Admin]);
        await ProblemAssert.UnauthorizedAsync(await GetAsync("/api/me", token), "token_wrong_tenant", "другой организации");
    }

    [Fact]
    public async Task TokenWithoutTid_Is401WrongTenant()
    {
        var token = _entra.UserToken(tenant: null, roles: [Roles.Admin]);
        await ProblemAssert.UnauthorizedAsync(await GetAsync("/api/me", token), "token_wrong_tenant", "другой организации");
    }

    [Fact]
    public async Task TokenForAnotherApplication_Is401WrongAudience()
    {
        var token = _entra.UserToken(audience: "00000003-0000-0000-c000-000000000000", roles: [Roles.Admin]);
        await ProblemAssert.UnauthorizedAsync(await GetAsync("/api/me", token), "token_wrong_audience", "другого приложения");
    }

    [Fact]
    public async Task TokenSignedWithAKeyNotInTheTenantsKeys_Is401()
    {
        using var stranger = RSA.Create(2048);
        var token = _entra.UserToken(roles: [Roles.Admin], signWith: stranger);
        await ProblemAssert.UnauthorizedAsync(await GetAsync("/api/me", token), "token_bad_signature", "Подпись токена");
    }

    [Fact]
    public async Task ExpiredEntraToken_Is401()
    {
        var token = _entra.UserToken(roles: [Roles.Manager], expires: DateTime.UtcNow.AddMinutes(-10));
        await ProblemAssert.UnauthorizedAsync(await GetAsync("/api/me", token), "token_expired", "истёк");
    }

    [Fact]
    public async Task UserTokenWithoutTheApiScope_Is403SayingWhichScope()
    {
        var token = _entra.UserToken(scope: "User.Read", roles: [Roles.Manager]);
        await ProblemAssert.ForbiddenAsync(await GetAsync("/api/me", token), "разрешение «access_as_user»");
    }

    [Fact]
    public async Task AppTokenWithRole_PassesThatRole_AndAppTokenWithoutRoles_Is403()
    {
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/test/accountant", _entra.AppToken(Roles.Accountant))).StatusCode);
        await ProblemAssert.ForbiddenAsync(await GetAsync("/api/me", _entra.AppToken()), "ни одной роли OfficeFlow API");
    }

    [Fact]
    public async Task UserWithoutRole_Is403OnRoleEndpoint_ButSeesMe()
    {
        var token = _entra.UserToken();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/me", token)).StatusCode);
        await ProblemAssert.ForbiddenAsync(await GetAsync("/api/test/manager", token), "нет ни одной роли");
    }
}
