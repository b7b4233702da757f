using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Identity.Client;
using OfficeFlow.Functions.Graph;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Graph;

/// <summary>
/// The on-behalf-of exchange with the real MSAL: its token requests are sent to the loopback stub (MSAL insists
/// on https authorities, so a handler re-targets login.microsoftonline.com to the stub), Graph calls too.
/// </summary>
public sealed class OnBehalfOfGraphClientFactoryTests : IAsyncLifetime
{
    private const string TokenRoute = "/{tenant}/oauth2/v2.0/token";
    private const string Tenant = "11111111-2222-3333-4444-555555555555";
    private const string ClientId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    private GraphStub _stub = null!;
    private OnBehalfOfGraphClientFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _stub = await GraphStub.StartAsync();
        // Like Entra ID, the answer names the scope that was asked for (MSAL caches the token under it).
        _stub.On("POST", TokenRoute, c => c.JsonAsync(200, new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["scope"] = Form(c.BodyText)["scope"].Replace("offline_access", "", StringComparison.Ordinal).Replace("openid", "", StringComparison.Ordinal).Replace("profile", "", StringComparison.Ordinal).Trim(),
            ["expires_in"] = 3600,
            ["ext_expires_in"] = 3600,
            ["access_token"] = "graph-token-for-anna",
            // MSAL asks for client_info and keys its cache by the account it names.
            ["client_info"] = Base64Url($"{{\"uid\":\"anna-oid\",\"utid\":\"{Tenant}\"}}"),
            ["id_token"] = Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + Base64Url(
                $"{{\"aud\":\"{ClientId}\",\"iss\":\"https://login.microsoftonline.com/{Tenant}/v2.0\",\"oid\":\"anna-oid\",\"tid\":\"{Tenant}\",\"sub\":\"s\",\"preferred_username\":\"anna@firm.example\",\"iat\":1,\"nbf\":1,\"exp\":4102444800}}") + ".",
        }));
        _stub.OnJson("GET", "/v1.0/me", 200, new { id = "anna-id", displayName = "Анна Петрова" });
        var settings = GraphSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(GraphTestClient.Settings(_stub)).Build());
        _factory = new OnBehalfOfGraphClientFactory(settings, new RetargetingMsalHttpClientFactory(new Uri(_stub.Origin)));
    }

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task ForUser_ExchangesTheUsersApiTokenForAGraphToken_AndCallsGraphWithIt()
    {
        var me = await _factory.ForUser("api-token-of-anna").Me.GetAsync();

        Assert.Equal("Анна Петрова", me!.DisplayName);
        var exchange = Assert.Single(_stub.RequestsTo("POST", TokenRoute));
        Assert.Equal("/11111111-2222-3333-4444-555555555555/oauth2/v2.0/token", exchange.Path);
        var form = Form(exchange.BodyText);
        Assert.Equal("urn:ietf:params:oauth:grant-type:jwt-bearer", form["grant_type"]);
        Assert.Equal("api-token-of-anna", form["assertion"]);
        Assert.Equal("on_behalf_of", form["requested_token_use"]);
        Assert.Equal("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", form["client_id"]);
        Assert.Equal("not-used-by-tests", form["client_secret"]);
        Assert.Equal("Bearer graph-token-for-anna", Assert.Single(_stub.RequestsTo("GET", "/v1.0/me")).Header("Authorization"));
    }

    [Fact]
    public async Task ForUser_SecondCallForTheSameUser_ReusesTheCachedGraphToken()
    {
        await _factory.ForUser("api-token-of-anna").Me.GetAsync();
        await _factory.ForUser("api-token-of-anna").Me.GetAsync();

        Assert.Single(_stub.RequestsTo("POST", TokenRoute));
        Assert.Equal(2, _stub.RequestsTo("GET", "/v1.0/me").Count);
    }

    private static string Base64Url(string json) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(json);

    private static Dictionary<string, string> Form(string body) =>
        body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p[1]));

    private sealed class RetargetingMsalHttpClientFactory(Uri stub) : IMsalHttpClientFactory
    {
        private readonly HttpClient _client = new(new Retarget(stub) { InnerHandler = new HttpClientHandler() });

        public HttpClient GetHttpClient() => _client;

        private sealed class Retarget(Uri stub) : DelegatingHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = stub.Scheme, Host = stub.Host, Port = stub.Port }.Uri;
                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
