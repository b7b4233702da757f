using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using NSubstitute;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Hosting;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Invoices;

/// <summary>The invoice HTTP functions through the real ASP.NET Core pipeline on Azurite.</summary>
public sealed class InvoicesApiTests : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly InvoicesApiFactory _app;
    private readonly HttpClient _manager;
    private readonly HttpClient _accountant;

    public InvoicesApiTests(AzuriteFixture azurite)
    {
        _app = new InvoicesApiFactory(azurite);
        _manager = _app.As("manager-1", "manager");
        _accountant = _app.As("accountant-1", "accountant");
    }

    public void Dispose() => _app.Dispose();

    // Client ids as the app makes them ("cl" + hex); CreateAsync puts the card in the Clients table first.
    private const string C1 = "cl0c1", Alpha = "cla1fa", Beta = "clbe7a";

    private static object NewInvoice(string client = C1, params object[] lines) => new
    {
        clientId = client,
        clientName = "ООО «Ромашка»",
        clientEmail = "buh@romashka.ru",
        paymentTermDays = 5,
        lines = lines.Length > 0 ? lines : new object[]
        {
            new { item = "Сопровождение 1С:Бухгалтерия, ноябрь", quantity = 1, unit = "мес", price = 12200.00m, vatRate = "22", kind = "subscription" },
            new { item = "Выезд программиста", quantity = 1m / 3m, unit = "час", price = 3000m, kind = "oneOff" },
        },
    };

    private async Task<JsonElement> CreateAsync(object body, string? key = null, HttpStatusCode expected = HttpStatusCode.Created)
    {
        if (JsonSerializer.SerializeToElement(body).TryGetProperty("clientId", out var clientId) && clientId.GetString() is { Length: > 0 } id)
        {
            await TestClients.SeedAsync(_app.Services, id: id);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/invoices") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var response = await _manager.SendAsync(request);
        Assert.True(expected == response.StatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task ManagerAndAccountant_WalkAnInvoiceFromDraftToPaid()
    {
        var draft = await CreateAsync(NewInvoice());
        var id = draft.GetProperty("id").GetString()!;
        Assert.Equal(("2026-0001", "draft"), (id, draft.GetProperty("status").GetString()));
        Assert.Equal(13200.00m, draft.GetProperty("total").GetDecimal()); // 12 200.00 + ⅓ × 3 000 = 1 000.00
        Assert.Equal(2380.33m, draft.GetProperty("vat").GetDecimal());   // 2 200.00 + 180.33

        var issued = await (await _manager.PostAsync($"/api/invoices/{id}/issue", null)).Content.ReadFromJsonAsync<JsonElement>();
        var sent = await (await _manager.PostAsync($"/api/invoices/{id}/sent", null)).Content.ReadFromJsonAsync<JsonElement>();
        var partly = await _accountant.PostAsJsonAsync($"/api/invoices/{id}/payments", new { amount = 5000m, orderNumber = "314", date = "2026-11-02" });
        var over = await _accountant.PostAsJsonAsync($"/api/invoices/{id}/payments", new { amount = 8200.01m, orderNumber = "315" });
        // Same-day payments list in the order they were recorded; a frozen clock would make that a tie.
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        var rest = await _accountant.PostAsJsonAsync($"/api/invoices/{id}/payments", new { amount = 8200m, orderNumber = "316" });
        var got = await _accountant.GetFromJsonAsync<JsonElement>($"/api/invoices/{id}");

        Assert.Equal("issued", issued.GetProperty("status").GetString());
        Assert.Equal("2026-11-07", issued.GetProperty("dueDate").GetString());
        Assert.Equal("sent", sent.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, partly.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, over.StatusCode);
        var problem = await over.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("overpayment", problem.GetProperty("code").GetString());
        Assert.Contains("8 200,00 ₽", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, rest.StatusCode);
        Assert.Equal(("paid", 0m), (got.GetProperty("status").GetString(), got.GetProperty("balance").GetDecimal()));
        Assert.Equal(["314", "316"], got.GetProperty("payments").EnumerateArray().Select(p => p.GetProperty("orderNumber").GetString()));
        await _app.Tasks.Received(1).RecordAsync(Arg.Is<TaskEvent>(e => e.TaskCode == "2.3" && e.EmployeeId == "manager-1"), Arg.Any<CancellationToken>());
        await _app.Tasks.Received(2).RecordAsync(Arg.Is<TaskEvent>(e => e.TaskCode == "5.3" && e.EmployeeId == "accountant-1"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Roles_AreEnforced()
    {
        var id = (await CreateAsync(NewInvoice())).GetProperty("id").GetString();
        var anonymous = _app.CreateClient();
        var admin = _app.As("admin-1", "admin");

        Assert.Equal(HttpStatusCode.Forbidden, (await _accountant.PostAsJsonAsync("/api/invoices", NewInvoice())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _manager.PostAsJsonAsync($"/api/invoices/{id}/payments", new { amount = 1m })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/invoices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _accountant.GetAsync($"/api/invoices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/invoices/{id}/issue", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/invoices/{id}/payments", new { amount = 1m })).StatusCode);
    }

    [Fact]
    public async Task Create_BadInput_Gets400NamingEveryFieldToFix_AndNothingIsSaved()
    {
        var response = await _manager.PostAsJsonAsync("/api/invoices", new
        {
            clientId = "",
            clientName = "ООО",
            clientEmail = "not-an-email",
            lines = new object[] { new { item = "Лицензия", quantity = 0, price = 10.005m, vatRate = "20" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["clientEmail", "clientId", "lines[0].price", "lines[0].quantity", "lines[0].vatRate"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("без НДС", errors.GetProperty("lines[0].vatRate")[0].GetString());
        Assert.Empty(await _accountant.GetFromJsonAsync<JsonElement[]>("/api/invoices") ?? []);
    }

    [Fact]
    public async Task Create_ForAClientIdNobodyHas_Gets400NamingTheId_AndNothingIsSaved()
    {
        var unknown = "cl" + new string('f', 100); // longer than an error message echoes
        var response = await _manager.PostAsJsonAsync("/api/invoices", NewInvoice(unknown));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("clientId")[0].GetString()!;
        Assert.StartsWith("Клиент «" + unknown[..Echo.MaxChars] + "…» не найден", message);
        Assert.Empty(await _accountant.GetFromJsonAsync<JsonElement[]>("/api/invoices") ?? []);

        // The number was not taken: the next invoice is still the first one.
        Assert.Equal("2026-0001", (await CreateAsync(NewInvoice())).GetProperty("id").GetString());
    }

    [Fact]
    public async Task VatRate_IsANumberOrNullForNoVat_InAndOut_AndTheOldStringsAreStillRead()
    {
        var body = JsonNode.Parse($$"""
            {"clientId":"{{C1}}","clientName":"ООО «Ромашка»","lines":[
              {"item":"a","quantity":1,"price":100,"vatRate":22},
              {"item":"b","quantity":1,"price":100,"vatRate":10},
              {"item":"c","quantity":1,"price":100,"vatRate":null},
              {"item":"d","quantity":1,"price":100,"vatRate":"22%"},
              {"item":"e","quantity":1,"price":100,"vatRate":"без НДС"},
              {"item":"f","quantity":1,"price":100}]}
            """)!;

        var invoice = await CreateAsync(body);

        var rates = invoice.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("vatRate")).ToList();
        Assert.Equal([22m, 10m, null, 22m, null, 22m], rates.Select(r => r.ValueKind == JsonValueKind.Null ? (decimal?)null : r.GetDecimal()));
        Assert.Equal([22m, 10m, null], invoice.GetProperty("vatByRate").EnumerateArray().Select(r => r.GetProperty("rate")).Select(r => r.ValueKind == JsonValueKind.Null ? (decimal?)null : r.GetDecimal()));
        Assert.Equal(JsonValueKind.Number, invoice.GetProperty("total").ValueKind);
    }

    [Fact]
    public async Task Create_RepeatedWithTheSameIdempotencyKey_ReturnsTheFirstInvoice()
    {
        var first = await CreateAsync(NewInvoice(), key: "7c9e6679-7425-40de-944b-e07fc1f90ae7");
        var again = await CreateAsync(NewInvoice(), key: "7c9e6679-7425-40de-944b-e07fc1f90ae7", expected: HttpStatusCode.OK);
        var other = await CreateAsync(NewInvoice(), key: "another");

        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal("2026-0002", other.GetProperty("id").GetString());
    }

    [Fact]
    public async Task StatusMachine_RefusalsAreProblemsWithRussianMessages()
    {
        var id = (await CreateAsync(NewInvoice())).GetProperty("id").GetString();

        var sendDraft = await _manager.PostAsync($"/api/invoices/{id}/sent", null);
        var payDraft = await _accountant.PostAsJsonAsync($"/api/invoices/{id}/payments", new { amount = 1m });
        var missing = await _accountant.GetAsync("/api/invoices/2026-9999");

        Assert.Equal(HttpStatusCode.Conflict, sendDraft.StatusCode);
        Assert.Equal("application/problem+json", sendDraft.Content.Headers.ContentType?.MediaType);
        Assert.Contains("черновик", (await sendDraft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, payDraft.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task List_FiltersByClientAndStatusIncludingDerivedOverdue_AndAgingAnswersAsOfADate()
    {
        var a = (await CreateAsync(NewInvoice(Alpha))).GetProperty("id").GetString();
        var b = (await CreateAsync(NewInvoice(Beta))).GetProperty("id").GetString();
        await CreateAsync(NewInvoice(Beta));
        await _manager.PostAsync($"/api/invoices/{a}/issue", null);
        await _manager.PostAsync($"/api/invoices/{b}/issue", null);
        _app.Clock.Advance(TimeSpan.FromDays(40));

        var beta = await _accountant.GetFromJsonAsync<JsonElement[]>($"/api/invoices?client={Beta}");
        var drafts = await _accountant.GetFromJsonAsync<JsonElement[]>("/api/invoices?status=draft");
        var overdue = await _manager.GetFromJsonAsync<JsonElement[]>("/api/invoices?status=overdue");
        var badStatus = await _manager.GetAsync("/api/invoices?status=late");
        var aging = await _accountant.GetFromJsonAsync<JsonElement>("/api/invoices/aging?asOf=2026-12-10");
        var badDate = await _accountant.GetAsync("/api/invoices/aging?asOf=10.12.2026");

        Assert.Equal(2, beta!.Length);
        Assert.Single(drafts!);
        Assert.Equal([a, b], overdue!.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(35, overdue![0].GetProperty("daysOverdue").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal(2 * 13200.00m, aging.GetProperty("totals").GetProperty("days31To60").GetDecimal());
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
    }

    [Fact]
    public async Task CancelAndPaymentCancel_ThroughTheApi()
    {
        var id = (await CreateAsync(NewInvoice())).GetProperty("id").GetString();
        await _manager.PostAsync($"/api/invoices/{id}/issue", null);
        var paid = await (await _accountant.PostAsJsonAsync($"/api/invoices/{id}/payments", new { amount = 100m })).Content.ReadFromJsonAsync<JsonElement>();
        var paymentId = paid.GetProperty("payment").GetProperty("id").GetString();

        var refused = await _manager.PostAsJsonAsync($"/api/invoices/{id}/cancel", new { reason = "дубль" });
        var undone = await _accountant.PostAsync($"/api/invoices/{id}/payments/{paymentId}/cancel", null);
        var cancelled = await _manager.PostAsJsonAsync($"/api/invoices/{id}/cancel", new { reason = "дубль" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, undone.StatusCode);
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }
}

/// <summary>The app refuses to start with a bad Invoices setting, naming the key.</summary>
public sealed class InvoicesStartupTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public void App_BadVatSetting_StopsAtStartNamingTheKey()
    {
        using var app = new InvoicesApiFactory(azurite, settings: new Dictionary<string, string> { ["Invoices:DefaultVatRate"] = "20" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Invoices:DefaultVatRate", error.ToString());
    }
}
