using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Hosting.Catalog;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Auth;

/// <summary>POST /api/dev/token through the whole app: the add-in's development sign-in, and its absence in Entra ID mode.</summary>
public sealed class DevSignInTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 20, 9, 0, 0, TimeSpan.Zero);

    private static OfficeFlowApiFactory DevelopmentApp(string? scope = null) => new OfficeFlowApiFactory()
        .WithSettings(TestTokens.Settings)
        .WithSetting("Auth:Scope", scope)
        .WithTimeProvider(new ManualTimeProvider(Now));

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, object body) =>
        await client.PostAsJsonAsync("/api/dev/token", body);

    private static HttpRequestMessage Get(string path, string token) =>
        new(HttpMethod.Get, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };

    [Fact]
    public async Task DevToken_ValidBody_GivesATokenEveryRouteAccepts_ValidEightHours()
    {
        using var app = DevelopmentApp();
        var client = app.CreateClient();

        var response = await SignInAsync(client, new { user = "ivanov", name = "Иван Иванов", roles = new[] { "manager" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("accessToken").GetString()!;
        Assert.Equal(Now.AddHours(8), body.GetProperty("expiresOn").GetDateTimeOffset());
        var me = await (await client.SendAsync(Get("/api/me", token))).Content.ReadFromJsonAsync<MeResponse>();
        Assert.Equal(("ivanov", "Иван Иванов"), (me!.Id, me.Name));
        Assert.Equal([Roles.Manager], me.Roles);
        // A role-protected route (its policy checks the scope too) takes the token.
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Get("/api/tasks/catalog", token))).StatusCode);
    }

    [Fact]
    public async Task DevToken_CarriesTheScopeTheApiIsConfiguredFor()
    {
        using var app = DevelopmentApp(scope: "officeflow.use");
        var client = app.CreateClient();

        var response = await SignInAsync(client, new { user = "buh", roles = new[] { "accountant" } });
        var token = (await response.Content.ReadFromJsonAsync<DevSignInResponse>())!.AccessToken;

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Get("/api/tasks/catalog", token))).StatusCode);
        // The CLI's default-scope token is refused by this API, which shows the scope really is checked.
        var cliToken = DevTokenIssuer.Issue(TestTokens.Key, new DevTokenRequest("buh", [Roles.Accountant]), new ManualTimeProvider(Now));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(Get("/api/tasks/catalog", cliToken))).StatusCode);
    }

    [Theory]
    [InlineData("roles", """{ "user": "ivanov", "roles": ["director"] }""")]
    [InlineData("roles", """{ "user": "ivanov", "roles": [] }""")]
    [InlineData("user", """{ "user": "Иванов", "roles": ["manager"] }""")]
    [InlineData("user", """{ "user": "", "roles": ["manager"] }""")]
    [InlineData("user", """{ "roles": ["manager"] }""")]
    public async Task DevToken_BadField_Is400NamingItInRussian(string field, string json)
    {
        using var app = DevelopmentApp();

        var response = await app.CreateClient().PostAsync("/api/dev/token", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Вход не выполнен: исправьте поля.", problem.GetProperty("title").GetString());
        var message = Assert.Single(problem.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString();
        Assert.StartsWith($"Поле {field}", message);
    }

    [Fact]
    public async Task DevToken_NameOver200Characters_Is400()
    {
        using var app = DevelopmentApp();

        var response = await SignInAsync(app.CreateClient(), new { user = "ivanov", name = new string('я', 201), roles = new[] { "admin" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Поле name длиннее 200 символов.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DevToken_InEntraIdMode_DoesNotExist()
    {
        await using var entra = await EntraIdStub.StartAsync();
        using var app = new OfficeFlowApiFactory().WithSettings(entra.Settings);
        var client = app.CreateClient();
        var body = new { user = "ivanov", roles = new[] { "admin" } };

        var anonymous = await SignInAsync(client, body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/dev/token") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", entra.UserToken(roles: [Roles.Admin]));
        var signedIn = await client.SendAsync(request);

        // Unknown paths need a token first (the fallback policy), so an anonymous caller gets 401 and no token;
        // a signed-in one sees that the route is not there.
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, signedIn.StatusCode);
        Assert.Contains("Адреса POST /api/dev/token в API нет", await signedIn.Content.ReadAsStringAsync());
        Assert.DoesNotContain(app.Services.GetRequiredService<FunctionCatalogAccessor>().Catalog.HttpFunctions, f => f.Name == "DevToken");
    }
}
