using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OfficeFlow.Tests.Auth;

/// <summary>
/// Every route of the running app's openapi.json against every kind of caller an attacker or a confused client can be:
/// no token, garbage, expired, another key, another audience, another issuer, a token without the API's scope, and
/// each role. What each route should answer is read from its endpoint's declared policy, so a new route is covered
/// (and a route that forgot its role fails here) without editing this test.
/// </summary>
public sealed class AuthMatrixTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private static readonly byte[] OtherKey = Encoding.UTF8.GetBytes("another key this API has never trusted, 32+ bytes");

    /// <summary>The only /api routes anyone may call without a token (besides openapi.json, read anonymously below).</summary>
    private static readonly string[] AnonymousRoutes = ["GET /api/health", "POST /api/dev/token"];

    private sealed record Case(string Name, Func<string?> Token, string? Role = null, string? Code = null, bool WrongScope = false);

    private static readonly Case[] Cases =
    [
        new("no token", () => null, Code: "token_missing"),
        new("malformed", () => "not-a-jwt.at-all", Code: "token_invalid"),
        new("expired", () => Mint(expires: DateTime.UtcNow.AddHours(-2)), Code: "token_expired"),
        new("another key", () => Mint(key: OtherKey), Code: "token_bad_signature"),
        new("wrong audience", () => Mint(audience: "some-other-api"), Code: "token_wrong_audience"),
        new("wrong issuer", () => Mint(issuer: "https://login.example.com/evil"), Code: "token_wrong_issuer"),
        new("wrong scope", () => Mint(scope: "User.Read"), WrongScope: true),
        new(Roles.Manager, () => Mint(roles: [Roles.Manager]), Role: Roles.Manager),
        new(Roles.Accountant, () => Mint(roles: [Roles.Accountant]), Role: Roles.Accountant),
        new(Roles.Admin, () => Mint(roles: [Roles.Admin]), Role: Roles.Admin),
    ];

    [Fact]
    public async Task EveryRoute_AnswersEachCallerAsItsDeclaredPolicySays()
    {
        using var factory = new OfficeFlowApiFactory()
            .WithSettings(TestTokens.Settings)
            .WithSetting("Storage:ConnectionString", azurite.ConnectionString)
            .WithSetting("Local:DataFolder", Path.Combine(Path.GetTempPath(), "officeflow-authmatrix-" + Guid.NewGuid().ToString("N")));
        using var client = factory.CreateClient();
        var (routes, _) = await ApiRoutes.ReadAsync(client, factory.Services);

        Assert.Empty(ApiRoutes.EndpointsMissingFrom(routes, factory.Services));
        Assert.Equal(AnonymousRoutes.Order(), routes.Where(r => r.Anonymous).Select(r => r.ToString()).Order());

        var failures = new List<string>();
        foreach (var route in routes)
        {
            foreach (var @case in Cases)
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path);
                if (@case.Token() is { } token)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                if (route.TakesBody)
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var problem = await CodeOf(response);
                var expectation = Expect(route, @case);
                var status = (int)response.StatusCode;
                var ok = expectation switch
                {
                    "401" => status == 401 && problem == @case.Code && response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer"),
                    "403" => status == 403 && problem == "access_denied",
                    _ => status is not 401 and < 500 && !(status == 403 && problem == "access_denied"),
                };
                if (!ok)
                {
                    failures.Add($"{route} as «{@case.Name}»: expected {expectation}{(expectation == "401" ? " " + @case.Code : "")}, got {status} {problem}");
                }
            }
        }

        output.WriteLine($"Auth matrix: {routes.Count} routes × {Cases.Length} cases = {routes.Count * Cases.Length} requests; {routes.Count(r => r.Anonymous)} anonymous routes.");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task OpenApiDocument_IsAnonymous()
    {
        using var factory = new OfficeFlowApiFactory().WithSettings(TestTokens.Settings).WithSetting("Storage:ConnectionString", azurite.ConnectionString);
        var response = await factory.CreateClient().GetAsync("/api/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>"401", "403" or "allowed" (anything but an authentication or authorization refusal).</summary>
    private static string Expect(ApiRoute route, Case @case)
    {
        if (route.Anonymous)
        {
            return "allowed";
        }

        if (@case.Code is not null)
        {
            return "401";
        }

        if (@case.WrongScope)
        {
            return "403";
        }

        return route.Policies.All(p => Admits(p, @case.Role!)) ? "allowed" : "403";
    }

    private static bool Admits(string policy, string role) => policy switch
    {
        "" or Roles.AnyRole => true,
        Roles.Manager or Roles.Accountant or Roles.Admin => role == policy || role == Roles.Admin,
        _ => throw new InvalidOperationException($"The auth matrix does not know policy '{policy}': say which roles it admits."),
    };

    private static async Task<string?> CodeOf(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    private static string Mint(string[]? roles = null, string issuer = DevTokenIssuer.Issuer, string audience = DevTokenIssuer.Audience,
        byte[]? key = null, string scope = AuthSettings.DefaultScope, DateTime? expires = null)
    {
        var end = expires ?? DateTime.UtcNow.AddHours(1);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = end.AddHours(-1),
            NotBefore = end.AddHours(-1),
            Expires = end,
            Claims = new Dictionary<string, object> { ["sub"] = "matrix-user", ["name"] = "Matrix", ["roles"] = roles ?? [Roles.Admin], ["scp"] = scope },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? TestTokens.Key), SecurityAlgorithms.HmacSha256),
        });
    }
}
