using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OfficeFlow.Tests.Fuzzing;
using OfficeFlow.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OfficeFlow.Tests.Hosting;

/// <summary>
/// openapi.json marks as required only what is required, and marks all of it (issue 13, "One API language"): for every
/// route that takes a JSON body, the body made of the required properties alone (<see cref="MinimalBody"/>) is sent as an
/// admin against real resources in the state the route needs (<see cref="RealResources"/>: two clients, an issued
/// invoice with a payment; the firm's requisites from samples/demo-firm.json) and must succeed. A property the server
/// needs that the document leaves optional fails here with the server's 400 naming it; a route added later is covered
/// without editing this test.
/// </summary>
public sealed class MinimalBodyTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task EveryBodyRoute_AcceptsTheBodyOfItsRequiredPropertiesAlone()
    {
        var (factory, admin) = FuzzApp.Start(azurite, "minimal", DemoFirm());
        using var ownedFactory = factory;
        using var ownedClient = admin;
        var (routes, document) = await ApiRoutes.ReadAsync(admin, factory.Services);
        // Saving the firm with its required properties only (none) empties the requisites every document prints: last.
        var bodyRoutes = routes.Where(r => r.RequestSchema is not null).OrderBy(r => r.Template == "/api/firm").ToList();

        var failures = new List<string>();
        var covered = 0;
        foreach (var route in bodyRoutes)
        {
            // Fresh resources per route: a minimal cancel must not leave the next route an invoice that is already cancelled.
            var real = await RealResources.CreateAsync(admin, route);
            var ids = new Dictionary<string, string>(StringComparer.Ordinal) { ["clientId"] = real.ClientId, ["sourceId"] = real.OtherClientId };
            var body = new MinimalBody(document, ids, DateOnly.FromDateTime(DateTime.UtcNow)).For(route.RequestSchema!.Value);
            var json = body?.ToJsonString() ?? "null";
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), real.PathOf(route))
            {
                Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            // A resource that is saved already is replaced only with the ETag it was read with (428 without).
            using (var read = await admin.GetAsync(real.PathOf(route)))
            {
                if (route.Method == "PUT" && read.IsSuccessStatusCode && read.Headers.ETag is { } etag)
                {
                    request.Headers.IfMatch.Add(etag);
                }
            }

            using var response = await admin.SendAsync(request);
            var answer = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            output.WriteLine($"{route} {json} → {status}");
            if (status is < 200 or >= 300)
            {
                failures.Add($"{route} refused its minimal body {json}: {status} {(answer.Length > 600 ? answer[..600] + "…" : answer)}");
            }

            covered++;
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        // Counted from the document itself, so a route the loop skipped (or a body ApiRoutes did not find) fails here.
        Assert.Equal(BodyOperations(document), covered);
        Assert.True(covered >= 10, $"only {covered} routes with a body");
    }

    private static int BodyOperations(JsonElement document) => document.GetProperty("paths").EnumerateObject()
        .SelectMany(path => path.Value.EnumerateObject())
        .Count(operation => operation.Value.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out _));

    /// <summary>The demonstration firm as Firm:* settings: a contract, an invoice document and an акт сверки print it.</summary>
    private static Dictionary<string, string?> DemoFirm()
    {
        var firm = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find()!, "samples", "demo-firm.json")))!.AsObject();
        return firm.ToDictionary(p => $"Firm:{p.Key}", p => (string?)p.Value!.ToString());
    }
}
