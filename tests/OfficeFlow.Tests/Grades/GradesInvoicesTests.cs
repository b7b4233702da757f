using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Grades.Api;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Grades;

/// <summary>
/// Grades reading the invoices capability through the real pipeline and Azurite: the head's volume when the month
/// has no explicit volume input, and the workbook's Счета sheet (register and aging at month end).
/// </summary>
public sealed class GradesInvoicesTests : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly TimeSpan Moscow = TimeSpan.FromHours(3);

    private readonly GradesAppFactory _factory;
    private readonly AzuriteFixture _azurite;

    // The factory gives October an explicit volume (420 000 + 185 000) and November none.
    public GradesInvoicesTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        _factory = new GradesAppFactory(azurite, new DateTimeOffset(2026, 10, 1, 12, 0, 0, Moscow));
    }

    public void Dispose() => _factory.Dispose();

    private HttpClient As(string user, params string[] roles)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer",
            DevTokenIssuer.Issue(TestTokens.Key, new DevTokenRequest(user, roles, $"Test user {user}", TimeSpan.FromHours(1)), _factory.Time));
        return client;
    }

    private async Task<string> IssueAsync(string clientName, object line)
    {
        var manager = As("manager-1", Roles.Manager);
        var created = await manager.PostInvoiceAsync(_factory.Services, new
        {
            clientId = "cl" + clientName.Length.ToString("x", CultureInfo.InvariantCulture),
            clientName,
            clientEmail = "buh@client.example",
            paymentTermDays = 5,
            lines = new[] { line },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var issued = await manager.PostAsync($"/api/invoices/{id}/issue", null);
        Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>
    /// 1 October: the one-off invoice (6 000, no VAT, due 6 October) is issued and, on 15 October, accepted but never paid.
    /// 2 November: the subscription invoice (12 200 with 22% VAT, i.e. 10 000 net) is issued; it is paid on 5 November.
    /// </summary>
    private async Task ArrangeAsync()
    {
        var unpaid = await IssueAsync("ООО «Должник»", new { item = "Настройка обмена", quantity = 1, unit = "усл", price = 6000m, vatRate = "без НДС", kind = "oneOff" });
        _factory.Time.Now = new DateTimeOffset(2026, 10, 15, 12, 0, 0, Moscow);
        var accepted = await As("manager-1", Roles.Manager).PostAsJsonAsync($"/api/invoices/{unpaid}/accepted", new { acceptedOn = "2026-10-15" });
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());

        _factory.Time.Now = new DateTimeOffset(2026, 11, 2, 12, 0, 0, Moscow);
        var paid = await IssueAsync("ООО «Плательщик»", new { item = "Сопровождение 1С, ноябрь", quantity = 1, unit = "мес", price = 12200m, vatRate = "22", kind = "subscription" });
        _factory.Time.Now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, Moscow);
        var payment = await As("accountant-1", Roles.Accountant).PostAsJsonAsync($"/api/invoices/{paid}/payments", new { amount = 12200m, orderNumber = "77", date = "2026-11-05" });
        Assert.True(payment.IsSuccessStatusCode, await payment.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HeadVolume_ComesFromInvoicesUnlessTheMonthGivesIt()
    {
        await ArrangeAsync();
        var accountant = As("accountant-1", Roles.Accountant);

        var november = await accountant.GetFromJsonAsync<MonthGradesResponse>("/api/grades/2026-11");
        var october = await accountant.GetFromJsonAsync<MonthGradesResponse>("/api/grades/2026-10");

        // November has no volume input: the invoice paid in November, net of VAT.
        Assert.Equal(10000m, november!.Head!.Volume);
        Assert.Equal(5000m, november.Head.ShareOfVolume);
        // October's explicit input wins over the 6 000 accepted there.
        Assert.Equal(605000m, october!.Head!.Volume);
    }

    [Fact]
    public async Task Workbook_InvoicesSheet_ListsTheRegisterAndAgingAtMonthEnd()
    {
        await ArrangeAsync();

        var response = await As("accountant-1", Roles.Accountant).GetAsync("/api/grades/2026-11/workbook");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = Path.Combine(_factory.DataFolder, "invoices.xlsx");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        var sheet = WorkbookReader.ReadSheet(path, "Счета");
        string Cell(string address) => sheet.TryGetValue(address, out var c) ? c.Value : "";
        decimal Amount(string address) => decimal.Parse(Cell(address), CultureInfo.InvariantCulture);
        var rows = Enumerable.Range(2, 2).ToDictionary(r => Cell($"C{r}"), r => r);

        var debtor = rows["ООО «Должник»"];
        Assert.Equal(6000m, Amount($"F{debtor}"));
        Assert.Equal("55", Cell($"H{debtor}")); // due 6 October, 55 days overdue on 30 November
        var payer = rows["ООО «Плательщик»"];
        Assert.Equal("оплачен", Cell($"I{payer}"));
        Assert.Equal(0m, Amount($"F{payer}"));

        var buckets = sheet.Where(c => c.Key.StartsWith('A') && c.Value.IsText).ToDictionary(c => c.Value.Value, c => "B" + c.Key[1..]);
        Assert.Equal(6000m, Amount(buckets["31–60 дней"]));
        Assert.Equal(0m, Amount(buckets["Не просрочено"]));
        Assert.Equal(0m, Amount(buckets["1–30 дней"]));
    }

    [Fact]
    public async Task Cli_FromTableStorage_FillsTheInvoicesSheet()
    {
        await ArrangeAsync();
        var output = Path.Combine(_factory.DataFolder, "cli.xlsx");
        var environment = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = _azurite.ConnectionString,
            ["Storage:TablePrefix"] = _factory.TablePrefix,
            ["WEBSITE_TIME_ZONE"] = "Europe/Moscow",
        }).Build();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await OfficeFlow.Cli.Grades.GradesCommand.RunAsync(["--month", "2026-11", "--out", output], stdout, stderr, environment);

        Assert.True(code == 0, stderr.ToString());
        var clients = WorkbookReader.ReadSheet(output, "Счета").Where(c => c.Key.StartsWith('C')).Select(c => c.Value.Value).ToList();
        Assert.Contains("ООО «Должник»", clients);
        Assert.Contains("ООО «Плательщик»", clients);
    }
}
