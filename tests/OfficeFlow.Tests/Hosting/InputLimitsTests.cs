using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Hosting;

/// <summary>
/// Bounded inputs as a caller meets them: an over-long text or a malformed id is a 400 naming the field before any
/// storage call, an unknown id comes back shortened, and every answer stays small whatever was sent.
/// </summary>
public sealed class InputLimitsTests : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly OfficeFlowApiFactory _factory;
    private readonly HttpClient _client;

    public InputLimitsTests(AzuriteFixture azurite)
    {
        _factory = new OfficeFlowApiFactory().WithSettings(TestTokens.Settings)
            .WithSetting("Storage:ConnectionString", azurite.ConnectionString)
            .WithSetting("Local:DataFolder", Path.Combine(Path.GetTempPath(), "officeflow-limits-" + Guid.NewGuid().ToString("N")));
        _client = _factory.CreateClient().WithToken("u1", Roles.Admin);
    }

    public void Dispose() => _factory.Dispose();

    // ASCII: a million characters stay a megabyte of JSON, under the 4 MB body limit.
    private static string Long(int length) => new('x', length);

    private async Task<(HttpStatusCode Status, string Text, JsonElement Body)> SendAsync(string method, string path, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
    }

    private static void AssertFieldError(HttpStatusCode status, JsonElement body, string field)
    {
        Assert.True(status == HttpStatusCode.BadRequest, $"{status}: {body}");
        var errors = body.TryGetProperty("errors", out var e) ? e.EnumerateObject().Select(p => p.Name).ToList() : [];
        var code = body.TryGetProperty("code", out var c) ? c.GetString() : null;
        Assert.True(errors.Contains(field) || code == field, $"expected a problem with {field}: {body}");
    }

    [Fact]
    public async Task HugeClientIdOnTheReconciliation_Is400NamingIt_NotA500()
    {
        var (status, text, body) = await SendAsync("POST", "/api/invoices/reconciliation", new { clientId = Long(1_000_000), from = "2026-01-01", to = "2026-12-31" });

        AssertFieldError(status, body, "clientId");
        Assert.True(text.Length < 2000, $"the answer has {text.Length} characters");
    }

    [Fact]
    public async Task HugeUnknownTemplateId_IsRefusedWithoutEchoingItBack()
    {
        var (status, text, body) = await SendAsync("POST", "/api/contracts", new { templateId = Long(1_000_000), clientId = "c1" });

        AssertFieldError(status, body, "templateId");
        Assert.True(text.Length < 2000, $"the answer has {text.Length} characters");
    }

    [Fact]
    public async Task UnknownIds_AreEchoedShortenedToSixtyFourCharacters()
    {
        var id = "2026-" + new string('9', 5000);
        var (invoiceStatus, invoiceText, invoice) = await SendAsync("GET", "/api/invoices/" + id);
        var (clientStatus, clientText, _) = await SendAsync("GET", "/api/clients/cl" + new string('a', 5000));
        var (templateStatus, templateText, template) = await SendAsync("POST", "/api/contracts", new { templateId = "no-such-" + new string('x', 56), clientId = "c1" });

        Assert.Equal(HttpStatusCode.NotFound, invoiceStatus);
        Assert.Contains(id[..64] + "…", invoice.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, clientStatus);
        Assert.Equal(HttpStatusCode.NotFound, templateStatus);
        // Template ids are at most 64 characters, so the echo is the id itself.
        Assert.Contains("no-such-" + new string('x', 56), template.GetProperty("detail").GetString());
        Assert.All(new[] { invoiceText, clientText, templateText }, t => Assert.True(t.Length < 1500, $"{t.Length} characters: {t[..200]}"));
    }

    [Theory]
    [InlineData("contractId")]
    [InlineData("lines[0].unit")]
    [InlineData("clientEmail")]
    public async Task InvoiceFields_AreBounded(string field)
    {
        var invoice = new JsonObject
        {
            ["clientId"] = "c1",
            ["clientName"] = "ООО «Ромашка»",
            ["lines"] = new JsonArray(new JsonObject { ["item"] = "Сопровождение", ["quantity"] = 1, ["price"] = 100 }),
        };
        switch (field)
        {
            case "contractId": invoice["contractId"] = "2026/../0015"; break;
            case "lines[0].unit": invoice["lines"]![0]!["unit"] = Long(51); break;
            case "clientEmail": invoice["clientEmail"] = Long(300) + "@romashka.ru"; break;
        }

        var (status, text, body) = await SendAsync("POST", "/api/invoices", invoice.ToJsonString());

        AssertFieldError(status, body, field);
        Assert.True(text.Length < 2000);
    }

    [Fact]
    public async Task CancelReason_IsBounded()
    {
        var (status, _, body) = await SendAsync("POST", "/api/invoices/2026-0001/cancel", new { reason = Long(501) });
        AssertFieldError(status, body, "reason");
    }

    [Theory]
    [InlineData("items", 101, 10)]
    [InlineData("name", 1, 501)]
    [InlineData("price", 1, 10)]
    public async Task ContractItems_HaveTheInvoiceLimits(string what, int count, int nameLength)
    {
        var items = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            items.Add(new JsonObject { ["name"] = Long(nameLength), ["quantity"] = 1, ["price"] = what == "price" ? 2_000_000_000m : 100 });
        }

        var (status, _, body) = await SendAsync("POST", "/api/contracts", new JsonObject
        {
            ["templateId"] = "license", ["clientId"] = "c1", ["fields"] = new JsonObject { ["items"] = items },
        }.ToJsonString());

        AssertFieldError(status, body, what == "items" ? "fields.items" : "fields.items[0]");
    }

    [Fact]
    public async Task ContractFreeTextAndClientName_AreBounded()
    {
        var (status, _, body) = await SendAsync("POST", "/api/contracts", new JsonObject
        {
            ["templateId"] = "license", ["clientId"] = "c1",
            ["client"] = new JsonObject { ["name"] = Long(301) },
            ["fields"] = new JsonObject { ["software"] = Long(2001) },
        }.ToJsonString());

        AssertFieldError(status, body, "client.name");
        AssertFieldError(status, body, "fields.software");
    }

    [Fact]
    public async Task ClientRequisites_AreBounded()
    {
        var (status, _, body) = await SendAsync("PUT", "/api/clients/cl0123456789abcdef", new { name = "Ромашка", address = Long(501), domains = Enumerable.Range(0, 21).Select(i => $"d{i}.ru") }, ifMatch: "\"x\"");

        AssertFieldError(status, body, "address");
        AssertFieldError(status, body, "domains");
    }

    [Fact]
    public async Task LogEmailSubjectAndNames_AreBounded()
    {
        var (status, _, body) = await SendAsync("POST", "/api/contacts/log-email", new
        {
            internetMessageId = "<m1@romashka.ru>", subject = Long(1001), bodyText = "Добрый день",
            from = new { name = Long(301), address = "ivan@romashka.ru" },
        });

        AssertFieldError(status, body, "subject");
        AssertFieldError(status, body, "from.name");
    }

    [Fact]
    public async Task TaskRequestIdAndCode_AreBounded()
    {
        var (status, text, body) = await SendAsync("POST", "/api/tasks", new { taskCode = Long(10_000), requestId = Long(101), clientId = "a/b" });

        AssertFieldError(status, body, "taskCode");
        AssertFieldError(status, body, "requestId");
        AssertFieldError(status, body, "clientId");
        Assert.True(text.Length < 2000);
    }
}
