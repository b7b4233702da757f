using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OfficeFlow.Functions.Invoices.Documents;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Invoices;

/// <summary>
/// No invoice number is lost (issue 14): hostile create requests mixed with valid ones, each with its Idempotency-Key,
/// hostile issue requests, then a valid retry of every refused key. Whatever was refused took no number: the year's
/// invoices are 0001…N with no gap, a refused key succeeds on its retry, and every invoice, once issued, has its document.
/// </summary>
public sealed class InvoiceNumberingTests : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly InvoicesApiFactory _app;
    private readonly HttpClient _manager;

    public InvoiceNumberingTests(AzuriteFixture azurite)
    {
        // A complete firm (every document prints it) and no per-user write limit for the test's ~60 writes.
        _app = new InvoicesApiFactory(azurite, settings: new Dictionary<string, string>
        {
            ["RateLimits:WritesPerMinute"] = "100000",
            ["Firm:name"] = "ООО «Бухсофт-Сервис»",
            ["Firm:inn"] = "7714123450",
            ["Firm:kpp"] = "771401001",
            ["Firm:bank"] = "ПАО Сбербанк, г. Москва",
            ["Firm:account"] = "40702810938000012345",
            ["Firm:corr_account"] = "30101810400000000225",
            ["Firm:bik"] = "044525225",
            ["Firm:signatory_short"] = "А.В. Соколов",
            ["Firm:accountant_short"] = "О.Н. Кузнецова",
        });
        _manager = _app.As("manager-1", "manager");
    }

    public void Dispose() => _app.Dispose();

    /// <summary>The client every valid invoice is for; its card is made before the requests (an unknown client is refused).</summary>
    private const string Romashka = "cl0d0e0f0a0b0c0d0e0f";

    private static JsonObject Body(Action<JsonObject>? change = null)
    {
        var body = new JsonObject
        {
            ["clientId"] = Romashka,
            ["clientName"] = "ООО «Ромашка»",
            ["clientEmail"] = "buh@romashka.ru",
            ["paymentTermDays"] = 5,
            ["lines"] = new JsonArray(new JsonObject
            {
                ["item"] = "Сопровождение 1С:Бухгалтерия, ноябрь", ["quantity"] = 1, ["unit"] = "мес", ["price"] = 12200.00m, ["vatRate"] = "22", ["kind"] = "subscription",
            }),
        };
        change?.Invoke(body);
        return body;
    }

    private static JsonObject Line(JsonObject body) => body["lines"]![0]!.AsObject();

    /// <summary>Hostile variants of a valid request; some are valid in the end (a name with # and %), most are refused.</summary>
    private static IEnumerable<(string Name, Func<HttpContent> Content)> Variants()
    {
        HttpContent Json(JsonObject body) => new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        HttpContent Raw(string text) => new StringContent(text, Encoding.UTF8, "application/json");

        yield return ("valid", () => Json(Body()));
        yield return ("name with # and %", () => Json(Body(b => b["clientName"] = "ООО «Рога #1 и 100% копыта»")));
        yield return ("client id with # and %", () => Json(Body(b => b["clientId"] = "c-#100%")));
        yield return ("lone surrogate in the name", () => Raw(Body().ToJsonString().Replace("Ромашка", "Рома\\ud800шка")));
        yield return ("lone surrogate in the item", () => Raw(Body().ToJsonString().Replace("ноябрь", "ноя\\udc00брь")));
        yield return ("huge item", () => Json(Body(b => Line(b)["item"] = new string('Ж', 100_000))));
        yield return ("huge client name", () => Json(Body(b => b["clientName"] = new string('Ж', 20_000))));
        yield return ("overflowing price", () => Raw(Body().ToJsonString().Replace("\"price\":12200.00", "\"price\":1e40")));
        yield return ("price beyond money", () => Json(Body(b => Line(b)["price"] = 79228162514264337593543950335m)));
        yield return ("quantity times price overflows", () => Json(Body(b => { Line(b)["quantity"] = 1_000_000_000_000m; Line(b)["price"] = 1_000_000_000_000_000m; })));
        yield return ("negative price", () => Json(Body(b => Line(b)["price"] = -1)));
        yield return ("unknown client", () => Json(Body(b => b["clientId"] = "no-such-client-" + Guid.NewGuid().ToString("N"))));
        yield return ("path-like client id", () => Json(Body(b => b["clientId"] = "../../etc/passwd")));
        yield return ("formula in the name", () => Json(Body(b => b["clientName"] = "=HYPERLINK(\"http://x\",\"y\")")));
        yield return ("formula in the item", () => Json(Body(b => Line(b)["item"] = "+cmd|' /C calc'!A0")));
        yield return ("no lines", () => Json(Body(b => b["lines"] = new JsonArray())));
        yield return ("null lines", () => Json(Body(b => b["lines"] = null)));
        yield return ("broken JSON", () => Raw("{\"clientId\": \"" + Romashka + "\", \"lines\": ["));
        yield return ("not an object", () => Raw("[1,2,3]"));
    }

    [Fact]
    public async Task HostileRequests_TakeNoNumber_AndEveryIssuedInvoiceHasItsDocument()
    {
        await TestClients.SeedAsync(_app.Services, id: Romashka);
        var ids = new List<string>();
        var refused = new List<string>();
        var round = 0;
        foreach (var _ in Enumerable.Range(0, 2))
        {
            foreach (var (name, content) in Variants())
            {
                var key = $"key-{++round}";
                using var response = await CreateAsync(content(), key);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode < 500, $"{name}: {(int)response.StatusCode} {text}");
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    ids.Add(JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!);
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {text}");
                    refused.Add(key);
                }
            }
        }

        // Hostile issue requests for invoices that do not exist: none may take a number or break what the valid ones do.
        // "2026-00001" is a second spelling of 2026-0001 and must not reach that invoice.
        foreach (var id in new[] { "2026-9999", "2026-99999", "2026-00001", "..%2F..%2Fetc", "2026-0001%23x", new string('9', 600) })
        {
            using var issue = await _manager.PostAsync($"/api/invoices/{id}/issue", null);
            Assert.True((int)issue.StatusCode is >= 400 and < 500, $"issue {id}: {(int)issue.StatusCode} {await issue.Content.ReadAsStringAsync()}");
        }

        // A refused key is not burnt: the same key with a valid body makes its invoice.
        foreach (var key in refused)
        {
            using var retry = await CreateAsync(new StringContent(Body().ToJsonString(), Encoding.UTF8, "application/json"), key);
            var text = await retry.Content.ReadAsStringAsync();
            Assert.True(retry.StatusCode == HttpStatusCode.Created, $"retry of {key}: {(int)retry.StatusCode} {text}");
            ids.Add(JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!);
        }

        Assert.True(refused.Count >= 20, $"only {refused.Count} of {round} requests were refused: the variants are not hostile enough");
        var year = ids[0][..4];
        Assert.Equal(Enumerable.Range(1, round).Select(n => $"{year}-{n:0000}"), ids.Order(StringComparer.Ordinal));
        var listed = await _manager.GetFromJsonAsync<JsonElement>("/api/invoices");
        Assert.Equal(round, listed.GetArrayLength());

        foreach (var id in ids)
        {
            // Issued twice: the second is a retry and must not change the invoice or its number.
            using var issued = await _manager.PostAsync($"/api/invoices/{id}/issue", null);
            using var again = await _manager.PostAsync($"/api/invoices/{id}/issue", null);
            Assert.True(issued.StatusCode == HttpStatusCode.OK, $"issue {id}: {(int)issued.StatusCode} {await issued.Content.ReadAsStringAsync()}");
            Assert.True((int)again.StatusCode < 500, $"issue {id} again: {(int)again.StatusCode} {await again.Content.ReadAsStringAsync()}");
            Assert.Equal(id, (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());

            using var document = await _manager.PostAsJsonAsync($"/api/invoices/{id}/document", new { });
            var bytes = await document.Content.ReadAsByteArrayAsync();
            Assert.True(document.StatusCode == HttpStatusCode.OK, $"document of {id}: {(int)document.StatusCode} {Encoding.UTF8.GetString(bytes)}");
            Assert.Equal(InvoiceDocuments.DocxContentType, document.Content.Headers.ContentType?.MediaType);
            Assert.True(bytes.Length > 1000 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K', $"document of {id} is no .docx ({bytes.Length} bytes)");
        }
    }

    private async Task<HttpResponseMessage> CreateAsync(HttpContent content, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/invoices") { Content = content };
        request.Headers.Add("Idempotency-Key", key);
        return await _manager.SendAsync(request);
    }
}
