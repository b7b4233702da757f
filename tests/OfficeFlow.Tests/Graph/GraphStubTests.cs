using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Graph;

/// <summary>The stub itself, driven by the real SDK the way the mailbox sync will drive it: delta pages, links, throttling.</summary>
public sealed class GraphStubTests : IAsyncLifetime
{
    private const string Delta = "/v1.0/users/{mailbox}/mailFolders/{folder}/messages/delta";
    private GraphStub _stub = null!;

    public async Task InitializeAsync() => _stub = await GraphStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task DeltaPages_FollowNextLinkToTheDeltaLink_WithQueriesRecorded()
    {
        _stub.On("GET", Delta, c => c.Http.Request.Query.ContainsKey("$skiptoken")
            ? c.JsonAsync(200, new Dictionary<string, object>
            {
                ["value"] = new[] { new { id = "m2", subject = "Второе письмо" } },
                ["@odata.deltaLink"] = $"{_stub.BaseUrl}/users/{c.RouteValues["mailbox"]}/mailFolders/{c.RouteValues["folder"]}/messages/delta()?$deltatoken=d1",
            })
            : c.JsonAsync(200, new Dictionary<string, object>
            {
                ["value"] = new[] { new { id = "m1", subject = "Первое письмо" } },
                ["@odata.nextLink"] = $"{_stub.BaseUrl}/users/{c.RouteValues["mailbox"]}/mailFolders/{c.RouteValues["folder"]}/messages/delta()?$skiptoken=p2",
            }));
        var graph = GraphTestClient.Create(_stub);
        var messages = graph.Users[GraphTestClient.Mailbox].MailFolders["inbox"].Messages;

        var first = await messages.Delta.GetAsDeltaGetResponseAsync();
        var second = await messages.Delta.WithUrl(first!.OdataNextLink!).GetAsDeltaGetResponseAsync();

        Assert.Equal("Первое письмо", Assert.Single(first.Value!).Subject);
        Assert.Equal("Второе письмо", Assert.Single(second!.Value!).Subject);
        Assert.EndsWith("$deltatoken=d1", second.OdataDeltaLink);
        var requests = _stub.RequestsTo("GET", Delta);
        Assert.Equal(2, requests.Count);
        Assert.Equal("?$skiptoken=p2", requests[1].Query);
        Assert.All(requests, r => Assert.Equal("Bearer " + GraphTestClient.Token, r.Header("Authorization")));
    }

    [Fact]
    public async Task ThrottleOnce_AnswersOne429_ThenTheRoute()
    {
        _stub.OnJson("GET", "/v1.0/me", 200, new { id = "me" });
        _stub.ThrottleOnce("GET", "/v1.0/me", retryAfterSeconds: 1);
        using var http = new HttpClient();

        var throttled = await http.GetAsync(_stub.BaseUrl + "/me");
        var answered = await http.GetAsync(_stub.BaseUrl + "/me");

        Assert.Equal(429, (int)throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal(200, (int)answered.StatusCode);
        Assert.Equal([429, 200], _stub.Requests.Select(r => r.Status).ToArray());
    }

    [Fact]
    public async Task UnknownRoute_Is404AndRecorded()
    {
        using var http = new HttpClient();
        var response = await http.PostAsync(_stub.BaseUrl + "/nothing/here", new StringContent("{}"));

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Contains("no route for POST /v1.0/nothing/here", await response.Content.ReadAsStringAsync());
        Assert.Equal("{}", Assert.Single(_stub.Requests).BodyText);
    }
}
