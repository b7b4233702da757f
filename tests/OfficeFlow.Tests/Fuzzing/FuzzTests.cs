using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using OfficeFlow.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OfficeFlow.Tests.Fuzzing;

/// <summary>
/// Every POST and PUT route of the running app's openapi.json gets <see cref="BodiesPerRoute"/> hostile bodies
/// (<see cref="HostileBodies"/>) as an admin, whom every route admits. None may answer 5xx or take longer than
/// <see cref="SlowRequest"/>, every refused request must leave the tables as they were, and no route may answer only 404
/// (its path names real resources, <see cref="RealResources"/>, so its bodies are read). The seed is printed;
/// <c>FUZZ_SEED=n dotnet test --filter FullyQualifiedName~FuzzTests</c> replays a run.
/// </summary>
public sealed class FuzzTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const int BodiesPerRoute = 100;
    private static readonly TimeSpan SlowRequest = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task EveryWriteRoute_RefusesHostileBodies_Without5xx_AndStoresNothingForThem()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
            ? s : Random.Shared.Next();
        output.WriteLine($"FUZZ_SEED={seed} (set it to replay this run)");

        var (factory, client) = FuzzApp.Start(azurite, "fuzz");
        using var ownedFactory = factory;
        using var ownedClient = client;
        var (routes, document) = await ApiRoutes.ReadAsync(client, factory.Services);
        var writeRoutes = routes.Where(r => r.Method is "POST" or "PUT").ToList();
        var storage = azurite.CreateServiceClient();

        var failures = new List<string>();
        var figures = new List<string>();
        var budget = Stopwatch.StartNew();
        var total = 0;
        var refused = 0;
        foreach (var route in writeRoutes)
        {
            // One generator per route, seeded from the run's seed and the route, so one route's bodies replay alone too.
            var bodies = new HostileBodies(document, new Random(seed ^ StableHash(route.ToString())));
            var statuses = new SortedDictionary<int, int>();
            var slowest = TimeSpan.Zero;
            // A fresh issued invoice per route: a hostile body that happens to cancel or pay it must not leave the next
            // route's bodies stopping at "already cancelled" instead of being read.
            var real = await RealResources.CreateAsync(client, route);
            var before = await TableRowCounts.ReadAsync(storage, factory.TablePrefix);
            var index = 0;
            foreach (var body in bodies.For(route.RequestSchema, BodiesPerRoute))
            {
                Assert.True(budget.Elapsed < Budget, $"The fuzzer ran out of its {Budget.TotalMinutes} min budget at {route} #{index} (FUZZ_SEED={seed}).");
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), real.PathOf(route))
                {
                    Content = new ByteArrayContent(body.Bytes) { Headers = { ContentType = MediaTypeHeaderValue.Parse(body.ContentType + "; charset=utf-8") } },
                };
                var watch = Stopwatch.StartNew();
                using var response = await client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                watch.Stop();
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
                var what = $"{route} #{index} «{body.Kind}»";
                if (status >= 500)
                {
                    failures.Add($"{what}: {status} {Short(text)}");
                }

                if (watch.Elapsed > SlowRequest)
                {
                    failures.Add($"{what}: took {watch.Elapsed.TotalSeconds:0.0} s");
                }

                // A success may store rows (the baseline moves); a refusal must leave every table as it was.
                var now = await TableRowCounts.ReadAsync(storage, factory.TablePrefix);
                if (status is < 200 or >= 300)
                {
                    var difference = TableRowCounts.Difference(before, now);
                    if (difference.Length > 0)
                    {
                        failures.Add($"{what}: answered {status} but changed the tables ({difference})");
                    }

                    refused++;
                }

                before = now;
                index++;
                total++;
            }

            // A route whose every body stopped at "not found" never read one: its path did not name a real resource.
            if (statuses.Keys.All(status => status == 404))
            {
                failures.Add($"{route}: all {index} bodies answered 404, none reached the code that reads the body (path {real.PathOf(route)})");
            }

            figures.Add($"{route}: {string.Join(", ", statuses.Select(p => $"{p.Key}×{p.Value}"))}; slowest {slowest.TotalMilliseconds:0} ms");
        }

        output.WriteLine($"{total} hostile requests over {writeRoutes.Count} POST/PUT routes in {budget.Elapsed.TotalSeconds:0} s, {refused} refused, each checked to have changed no table (FUZZ_SEED={seed}):");
        figures.ForEach(output.WriteLine);
        Assert.True(writeRoutes.Count > 0 && total >= writeRoutes.Count * BodiesPerRoute);
        Assert.True(failures.Count == 0, $"FUZZ_SEED={seed}\n" + string.Join('\n', failures));
    }

    private static string Short(string text) => text.Length > 300 ? text[..300] + "…" : text;

    // string.GetHashCode differs per process; a replayable seed needs a hash that does not.
    private static int StableHash(string text) => text.Aggregate(17, (h, c) => unchecked(h * 31 + c));
}
