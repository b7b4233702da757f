using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Contracts;

/// <summary>
/// No number is lost (issue 14): hostile contract requests mixed with valid ones, each with a request id, and then a
/// valid retry of every refused request id. Whatever was refused took no number: the year's numbers are 0001…N with
/// no gap, each has its archived document, and a refused request id succeeds on its retry.
/// </summary>
public sealed class ContractNumberingTests : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly string Templates = Path.Combine(AppContext.BaseDirectory, "Contracts", "Templates");
    private readonly DirectoryInfo _dataFolder = Directory.CreateTempSubdirectory("officeflow-contract-numbers-");
    private readonly WebApplicationFactory<Program> _factory;

    public ContractNumberingTests(AzuriteFixture azurite)
    {
        var supplier = JsonNode.Parse(File.ReadAllText(Path.Combine(Templates, "service-maintenance.sample.json")))!["supplier"]!.AsObject();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseTestTokens();
            builder.UseSetting("Storage:ConnectionString", azurite.ConnectionString);
            builder.UseSetting("Storage:TablePrefix", AzuriteFixture.NewTablePrefix());
            builder.UseSetting("Local:DataFolder", _dataFolder.FullName);
            builder.UseSetting("RateLimits:WritesPerMinute", "100000");
            foreach (var (key, value) in supplier)
            {
                builder.UseSetting($"Firm:{key}", value!.ToString());
            }
        });
    }

    private static JsonObject Body(string requestId, Action<JsonObject>? change = null)
    {
        var body = ContractsApiTests.Body(requestId);
        change?.Invoke(body);
        return body;
    }

    /// <summary>Hostile variants of a valid request; some are valid in the end (a name with # and %), most are refused.</summary>
    private static IEnumerable<(string Name, Func<string, HttpContent> Content)> Variants()
    {
        HttpContent Json(JsonObject body) => JsonContent.Create(body);
        HttpContent Raw(string text) => new StringContent(text, Encoding.UTF8, "application/json");

        yield return ("valid", id => Json(Body(id)));
        yield return ("name with # and %", id => Json(Body(id, b => b["client"]!["name"] = "ООО «Рога #1 и 100% копыта»")));
        yield return ("lone surrogate in the name", id => Raw(Body(id).ToJsonString().Replace("ООО «Ромашка»", "ООО «Рома\\ud800шка»")));
        yield return ("huge field", id => Json(Body(id, b => b["fields"]!["territory"] = new string('Ж', 100_000))));
        yield return ("overflowing price", id => Raw(Body(id).ToJsonString().Replace("\"price\":", "\"price\":1e40,\"x\":")));
        yield return ("path-like client id", id => Json(Body(id, b => b["clientId"] = "../../etc/passwd")));
        yield return ("unknown template", id => Json(Body(id, b => b["templateId"] = "no-such-template")));
        yield return ("formula in the name", id => Json(Body(id, b => b["client"]!["name"] = "=HYPERLINK(\"http://x\")")));
        yield return ("null fields", id => Json(Body(id, b => b["fields"] = null)));
        yield return ("not JSON", _ => Raw("{\"templateId\": \"license\", "));
    }

    [Fact]
    public async Task HostileRequests_TakeNoNumber_AndTheirRetriesSucceed()
    {
        var client = _factory.CreateClient().WithToken("ivanova", Roles.Manager);
        var numbers = new List<string>();
        var refused = new List<string>();
        var round = 0;
        foreach (var _ in Enumerable.Range(0, 3))
        {
            foreach (var (name, content) in Variants())
            {
                var requestId = $"req-{++round}";
                var response = await client.PostAsync("/api/contracts", content(requestId));
                Assert.True((int)response.StatusCode < 500, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    numbers.Add(response.Headers.GetValues("X-Contract-Number").Single());
                }
                else
                {
                    refused.Add(requestId);
                }
            }
        }

        // A refused request id is not burnt: the same id with a valid body makes its contract.
        foreach (var requestId in refused)
        {
            var retry = await client.PostAsJsonAsync("/api/contracts", Body(requestId));
            Assert.True(retry.StatusCode == HttpStatusCode.OK, $"retry of {requestId}: {(int)retry.StatusCode} {await retry.Content.ReadAsStringAsync()}");
            numbers.Add(retry.Headers.GetValues("X-Contract-Number").Single());
        }

        // Every round made its two valid contracts before the retries: the numbering has no gap and no repeat.
        Assert.True(refused.Count >= 15, $"only {refused.Count} of {round} requests were refused: the variants are not hostile enough");
        var year = numbers[0][..4];
        Assert.Equal(Enumerable.Range(1, round).Select(n => $"{year}-{n:0000}"), numbers.Order(StringComparer.Ordinal));
        var archived = Directory.GetFiles(Path.Combine(_dataFolder.FullName, "documents"), "*.docx", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Equal(round, archived.Count);
        Assert.All(numbers, n => Assert.Contains(archived, f => f!.StartsWith($"Договор {n} ", StringComparison.Ordinal)));
    }

    public void Dispose()
    {
        _factory.Dispose();
        _dataFolder.Delete(recursive: true);
    }
}
