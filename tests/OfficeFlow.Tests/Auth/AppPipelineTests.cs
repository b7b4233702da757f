using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Auth;

/// <summary>The composed app (Program, OfficeFlowApp) wires authentication: /api/me needs a token and answers with one.</summary>
public sealed class AppPipelineTests : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly WebApplicationFactory<Program> _factory;

    public AppPipelineTests(WebApplicationFactory<Program> factory) => _factory = factory.WithWebHostBuilder(b => b.UseTestTokens());

    [Fact]
    public async Task Me_WithoutToken_Is401()
    {
        var response = await _factory.CreateClient().GetAsync("/api/me");
        await ProblemAssert.UnauthorizedAsync(response, "token_missing", "нет токена");
    }

    [Fact]
    public async Task Me_WithTestToken_ReturnsTheCaller()
    {
        var client = _factory.CreateClient().WithToken("sidorov", Roles.Accountant);
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        Assert.Equal("sidorov", me!.Id);
        Assert.Equal([Roles.Accountant], me.Roles);
    }
}
