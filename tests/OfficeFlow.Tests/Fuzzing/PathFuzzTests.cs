using System.Diagnostics;
using System.Text;
using OfficeFlow.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OfficeFlow.Tests.Fuzzing;

/// <summary>
/// Every route of openapi.json with a path parameter ({id}, {month}, {paymentId}, {clientId} …) gets each hostile value
/// below in each of its parameters, as an admin. None may answer 5xx or take longer than <see cref="SlowRequest"/>; no
/// answer may echo a long value back whole (a 5 MB id once came back in a 5 MB 404); a refusal stores nothing.
/// The values are fixed, not random: the list is the replay.
/// </summary>
public sealed class PathFuzzTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan SlowRequest = TimeSpan.FromSeconds(5);

    /// <summary>A long value is one an answer may name only shortened.</summary>
    private const int LongValue = 200;

    /// <summary>Path segments as they go on the wire (already percent-encoded where that is the point).</summary>
    private static readonly (string Kind, string Segment)[] HostileSegments =
    [
        ("dot-dot", ".."),
        ("encoded traversal", "..%2F..%2F..%2Fetc%2Fpasswd"),
        ("backslash traversal", "..%5C..%5Cwindows"),
        // %00 is left out: Kestrel refuses it before the app (and TestServer throws on it client-side).
        ("control character", "a%01b"),
        ("newline", "a%0D%0AX-Injected:%201"),
        ("lone surrogate", "%ED%A0%80"),
        ("right-to-left override", "%E2%80%AEfdp.exe"),
        ("OData injection", Uri.EscapeDataString("x' or PartitionKey ne '")),
        ("formula", Uri.EscapeDataString("=HYPERLINK(\"http://x\",\"y\")")),
        ("negative", "-1"),
        ("huge number", "99999999999999999999999999999"),
        ("month 13", "2026-13"),
        ("year zero", "0000-0000"),
        ("spaces", "%20%20%20"),
        ("Cyrillic", Uri.EscapeDataString("счёт-№1")),
        ("long Cyrillic", Uri.EscapeDataString(new string('я', 3_000))),
        ("10k ASCII", new string('A', 10_000)),
        ("id-shaped but long", "cl" + new string('f', 300)),
        ("percent", "100%25"),
        ("hash", "a%23b"),
    ];

    [Fact]
    public async Task EveryPathParameter_RefusesHostileValues_Without5xx_EchoOrStoredRows()
    {
        var (factory, client) = FuzzApp.Start(azurite, "pathfuzz");
        using var ownedFactory = factory;
        using var ownedClient = client;
        var (routes, _) = await ApiRoutes.ReadAsync(client, factory.Services);
        var storage = azurite.CreateServiceClient();
        await RealResources.CreateAsync(client, "path");

        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var watch = Stopwatch.StartNew();
        var total = 0;
        var withParameters = routes.Where(r => r.Template.Contains('{', StringComparison.Ordinal)).ToList();
        foreach (var route in withParameters)
        {
            foreach (var parameter in ApiRoutes.ParametersOf(route.Template))
            {
                foreach (var (kind, segment) in HostileSegments)
                {
                    var path = ApiRoutes.Fill(route.Template.Replace("{" + parameter + "}", segment, StringComparison.Ordinal));
                    var before = await TableRowCounts.ReadAsync(storage, factory.TablePrefix);
                    using var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
                    if (route.TakesBody)
                    {
                        request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                    }

                    var started = Stopwatch.StartNew();
                    using var response = await client.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    started.Stop();
                    var status = (int)response.StatusCode;
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    total++;
                    var what = $"{route} {{{parameter}}} «{kind}»";
                    if (status >= 500)
                    {
                        failures.Add($"{what}: {status} {Short(text)}");
                    }

                    if (started.Elapsed > SlowRequest)
                    {
                        failures.Add($"{what}: took {started.Elapsed.TotalSeconds:0.0} s");
                    }

                    var decoded = Uri.UnescapeDataString(segment);
                    if (decoded.Length > LongValue && (text.Contains(decoded, StringComparison.Ordinal) || text.Contains(segment, StringComparison.Ordinal)))
                    {
                        failures.Add($"{what}: the answer ({text.Length} chars) echoes the {decoded.Length}-char value whole");
                    }

                    if (status is < 200 or >= 300)
                    {
                        var difference = TableRowCounts.Difference(before, await TableRowCounts.ReadAsync(storage, factory.TablePrefix));
                        if (difference.Length > 0)
                        {
                            failures.Add($"{what}: answered {status} but changed the tables ({difference})");
                        }
                    }
                }
            }
        }

        output.WriteLine($"{total} requests with hostile path values over {withParameters.Count} routes in {watch.Elapsed.TotalSeconds:0} s: "
            + string.Join(", ", statuses.Select(p => $"{p.Key}×{p.Value}")));
        Assert.True(withParameters.Count >= 10 && total >= withParameters.Count * HostileSegments.Length, $"only {total} requests over {withParameters.Count} routes");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static string Short(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
