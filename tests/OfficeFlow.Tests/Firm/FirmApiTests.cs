using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Tests.Contracts;
using OfficeFlow.Tests.Hosting;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Firm;

/// <summary>
/// The firm is set up once by an admin (GET/PUT /api/firm, Azurite, the real pipeline), and every document prints that
/// one record: a contract asked for before it is complete gets one message in Russian labels and costs no number.
/// </summary>
public sealed class FirmApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly DirectoryInfo _dataFolder = Directory.CreateTempSubdirectory("officeflow-firm-api-");
    private readonly List<OfficeFlowApiFactory> _factories = [];

    /// <summary>The demo firm of ./run.sh, as an admin would type it into the API (camelCase).</summary>
    private static JsonObject DemoFirm()
    {
        var demo = JsonNode.Parse(File.ReadAllText(Path.Combine(NodeJsonSchema.RepositoryRoot, "samples", "demo-firm.json")))!.AsObject();
        var body = new JsonObject();
        foreach (var (key, value) in demo)
        {
            var camel = string.Concat(key.Split('_').Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
            body[camel] = value?.DeepClone();
        }

        return body;
    }

    private OfficeFlowApiFactory App(IDictionary<string, string?>? settings = null)
    {
        var factory = new OfficeFlowApiFactory(settings)
            .WithSettings(TestTokens.Settings)
            .WithSetting("Storage:ConnectionString", azurite.ConnectionString)
            .WithSetting("Local:DataFolder", _dataFolder.FullName);
        _factories.Add(factory);
        return factory;
    }

    private static HttpClient As(OfficeFlowApiFactory app, string role) => app.CreateClient().WithToken("user-" + role, role);

    private static JsonObject ContractBody() => ContractsApiTests.Body();

    [Fact]
    public async Task Put_OnlyAnAdminChangesTheFirm_EveryRoleReadsIt()
    {
        var app = App();

        Assert.Equal(HttpStatusCode.OK, (await As(app, Roles.Manager).GetAsync("/api/firm")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await As(app, Roles.Accountant).GetAsync("/api/firm")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await As(app, Roles.Manager).PutAsJsonAsync("/api/firm", DemoFirm())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await As(app, Roles.Admin).GetAsync("/api/firm")).StatusCode);
    }

    [Fact]
    public async Task Get_WithTheDemoSettings_SaysDemoAndComplete_AndNothingSaved()
    {
        var settings = DemoFirm().ToDictionary(p => "Firm:" + string.Concat(p.Key.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString())), p => (string?)p.Value!.ToString());
        settings["Firm:demo"] = "true";
        var admin = As(App(settings), Roles.Admin);

        var response = await admin.GetAsync("/api/firm");
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(view.GetProperty("demo").GetBoolean());
        Assert.True(view.GetProperty("complete").GetBoolean());
        Assert.False(view.GetProperty("saved").GetBoolean());
        Assert.Null(response.Headers.ETag);
        Assert.Equal("ООО «Демо-Фирма» (демонстрационные реквизиты)", view.GetProperty("requisites").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Put_FirstSaveThenOnlyOverTheVersionRead()
    {
        var admin = As(App(), Roles.Admin);
        var firm = DemoFirm();
        firm["name"] = "ООО «Бухсофт-Сервис»";

        var first = await admin.PutAsJsonAsync("/api/firm", firm);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!.ToString();
        var view = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(view.GetProperty("saved").GetBoolean());
        Assert.False(view.GetProperty("demo").GetBoolean());

        // A second save without If-Match would overwrite the first blindly: refused.
        Assert.Equal((HttpStatusCode)428, (await admin.PutAsJsonAsync("/api/firm", firm)).StatusCode);

        firm["bank"] = "АО «Альфа-Банк»";
        using var current = new HttpRequestMessage(HttpMethod.Put, "/api/firm") { Content = JsonContent.Create(firm) };
        current.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(current)).StatusCode);

        // The first ETag is stale now: another admin's edit over it is refused, and the saved record is the second one.
        using var stale = new HttpRequestMessage(HttpMethod.Put, "/api/firm") { Content = JsonContent.Create(DemoFirm()) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var refused = await admin.SendAsync(stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal("Реквизиты фирмы уже изменили — обновите и повторите.", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        using var bogus = new HttpRequestMessage(HttpMethod.Put, "/api/firm") { Content = JsonContent.Create(DemoFirm()) };
        bogus.Headers.TryAddWithoutValidation("If-Match", "\"not-an-etag\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await admin.SendAsync(bogus)).StatusCode);
        var saved = await admin.GetFromJsonAsync<JsonElement>("/api/firm");
        Assert.Equal("АО «Альфа-Банк»", saved.GetProperty("requisites").GetProperty("bank").GetString());
    }

    [Fact]
    public async Task Put_WrongControlSums_AreRefusedByFieldAndNothingIsSaved()
    {
        var admin = As(App(), Roles.Admin);
        var firm = DemoFirm();
        firm["inn"] = "7714123458";
        firm["account"] = "40702810938000012346";
        firm["bik"] = "044525225";

        var response = await admin.PutAsJsonAsync("/api/firm", firm);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.StartsWith("ИНН:", errors.GetProperty("inn")[0].GetString());
        Assert.StartsWith("Расчётный счёт: не сходится контрольный ключ с БИК", errors.GetProperty("account")[0].GetString());
        Assert.False((await admin.GetFromJsonAsync<JsonElement>("/api/firm")).GetProperty("saved").GetBoolean());
    }

    [Fact]
    public async Task Contract_BeforeTheFirmIsSetUp_NamesWhatIsMissing_AndCostsNoNumber()
    {
        var app = App();
        var manager = As(app, Roles.Manager);

        var refused = await manager.PostAsJsonAsync("/api/contracts", ContractBody());

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Реквизиты фирмы не заполнены", problem.GetProperty("title").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("наименование, ИНН, банк, расчётный счёт, БИК, КПП, ОГРН, адрес, корр. счёт", detail);
        Assert.DoesNotContain("supplier.", detail);

        // The admin saves the firm; the next contract prints it and is the year's first number.
        var firm = DemoFirm();
        firm["name"] = "ООО «Бухсофт-Сервис»";
        Assert.Equal(HttpStatusCode.OK, (await As(app, Roles.Admin).PutAsJsonAsync("/api/firm", firm)).StatusCode);
        var created = await manager.PostAsJsonAsync("/api/contracts", ContractBody());

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Matches(@"^\d{4}-0001$", created.Headers.GetValues("X-Contract-Number").Single());
        var text = TestDocx.BodyText(await created.Content.ReadAsByteArrayAsync());
        Assert.Contains("ООО «Бухсофт-Сервис»", text);
        Assert.DoesNotContain("Демо-Фирма", text);
    }

    [Fact]
    public async Task Invoice_PrintsTheSavedFirm_NotTheSettings()
    {
        var settings = new Dictionary<string, string?> { ["Firm:name"] = "ООО «Из настроек»", ["Firm:inn"] = "7714123459", ["Firm:bank"] = "Банк", ["Firm:account"] = "40702810938000012345", ["Firm:bik"] = "044525225" };
        var app = App(settings);
        var firm = DemoFirm();
        firm["name"] = "ООО «Сохранённая»";
        Assert.Equal(HttpStatusCode.OK, (await As(app, Roles.Admin).PutAsJsonAsync("/api/firm", firm)).StatusCode);
        var manager = As(app, Roles.Manager);
        var invoice = await (await manager.PostInvoiceAsync(app.Services, new { clientId = "cl0c", clientName = "ООО «Ромашка»", lines = new[] { new { item = "Сопровождение", quantity = 1, price = 1000m } } }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var document = await manager.PostAsync($"/api/invoices/{invoice.GetProperty("id").GetString()}/document", null);

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        var text = TestDocx.BodyText(await document.Content.ReadAsByteArrayAsync());
        Assert.Contains("ООО «Сохранённая»", text);
        Assert.DoesNotContain("Из настроек", text);
    }

    public void Dispose()
    {
        foreach (var factory in _factories)
        {
            factory.Dispose();
        }

        _dataFolder.Delete(recursive: true);
    }
}
