using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Grades.Api;
using OfficeFlow.Functions.Grades.Computation;
using OfficeFlow.Functions.Grades.Ledger;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Grades;

/// <summary>
/// The Excel add-in's routes through the real pipeline and Azurite, on the sample month (500 entries of four people)
/// plus one entry whose client is named like a formula: the sheets are the downloaded workbook's, cell for cell.
/// </summary>
public sealed class GradesSheetsApiTests : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string Injection = "=HYPERLINK(\"http://x\",\"y\")";
    private const string Month = "2026-10";

    private static readonly Regex SheetReference = new("'((?:[^']|'')+)'!", RegexOptions.CultureInvariant);

    private readonly GradesAppFactory _factory;

    public GradesSheetsApiTests(AzuriteFixture azurite) =>
        _factory = new GradesAppFactory(azurite, new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.FromHours(3)));

    public void Dispose() => _factory.Dispose();

    private HttpClient As(string user, params string[] roles)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer",
            DevTokenIssuer.Issue(TestTokens.Key, new DevTokenRequest(user, roles, $"Test user {user}", TimeSpan.FromHours(1)), _factory.Time));
        return client;
    }

    private HttpClient Accountant => As("buh", Roles.Accountant);

    /// <summary>Stores the sample ledger's entries (and the formula-named client) as the app would have recorded them.</summary>
    private async Task<int> SeedAsync()
    {
        var ledger = _factory.Services.GetRequiredService<LedgerStore>();
        var entries = SampleLedger.Read().ToEntries().ToList();
        var first = entries[0];
        entries.Add(first with { Id = "injection", ClientId = "c-x", ClientName = Injection, Note = "@SUM(1+1)", Source = LedgerSource.Manual, SourceId = null });
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(entries.Select(async e =>
        {
            await gate.WaitAsync();
            try
            {
                var added = await ledger.AddManualAsync(new LedgerEntity
                {
                    PartitionKey = Month,
                    RowKey = e.Source == LedgerSource.Automatic ? LedgerIds.AutomaticRowKey(e.SourceId ?? e.Id) : LedgerIds.ManualRowKey(e.EmployeeId, e.Id),
                    EmployeeId = e.EmployeeId,
                    At = e.At,
                    TaskCode = e.TaskCode,
                    Source = e.Source,
                    ClientId = e.ClientId,
                    ClientName = e.ClientName,
                    Minutes = e.Minutes,
                    SourceId = e.SourceId,
                    Note = e.Note,
                });
                Assert.Equal(LedgerAddOutcome.Added, added);
            }
            finally
            {
                gate.Release();
            }
        }));
        return entries.Count;
    }

    private async Task<string> DownloadWorkbookAsync()
    {
        var response = await Accountant.GetAsync($"/api/grades/{Month}/workbook");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = Path.Combine(_factory.DataFolder, "sheets.xlsx");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        return path;
    }

    private static string Address(int column, int row) => OfficeFlow.Functions.Grades.Workbook.CellText.Column(column + 1) + row.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Sheets_EveryFormulaIsTheWorkbooksFormulaInTheSameCell()
    {
        await SeedAsync();

        var response = await Accountant.GetFromJsonAsync<JsonElement>($"/api/grades/{Month}/sheets");
        var path = await DownloadWorkbookAsync();

        Assert.Equal(Month, response.GetProperty("month").GetString());
        Assert.Equal("2026-01", response.GetProperty("policyVersion").GetString());
        var sheets = response.GetProperty("sheets").EnumerateArray().ToList();
        Assert.Equal(["parameters", "summary"], sheets.Select(s => s.GetProperty("key").GetString()));
        var workbookNames = new Dictionary<string, string> { ["parameters"] = "Параметры", ["summary"] = "Итоги" };
        var formulas = 0;
        foreach (var sheet in sheets)
        {
            var key = sheet.GetProperty("key").GetString()!;
            Assert.Equal($"{workbookNames[key]} {Month}", sheet.GetProperty("name").GetString());
            var xlsx = WorkbookReader.ReadSheet(path, workbookNames[key]);
            var seen = new HashSet<string>(StringComparer.Ordinal);

            var columns = sheet.GetProperty("columns").EnumerateArray().ToList();
            for (var c = 0; c < columns.Count; c++)
            {
                var header = columns[c].GetProperty("header");
                if (header.ValueKind == JsonValueKind.String)
                {
                    Assert.Equal(xlsx[Address(c, 1)].Value, header.GetString());
                    seen.Add(Address(c, 1));
                }
            }

            var rows = sheet.GetProperty("rows").EnumerateArray().ToList();
            for (var r = 0; r < rows.Count; r++)
            {
                var cells = rows[r].EnumerateArray().ToList();
                for (var c = 0; c < cells.Count; c++)
                {
                    var address = Address(c, r + 2);
                    var cell = cells[c];
                    var value = cell.GetProperty("value");
                    var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                    if (!xlsx.TryGetValue(address, out var expected))
                    {
                        Assert.True(text.Length == 0, $"{key}!{address} is '{text}' in the API and empty in the workbook");
                        continue;
                    }

                    seen.Add(address);
                    var formula = cell.GetProperty("formula").GetString();
                    if (expected.Formula is null)
                    {
                        Assert.True(formula is null, $"{key}!{address}: the API has a formula the workbook does not");
                    }
                    else
                    {
                        formulas++;
                        Assert.StartsWith("=", formula);
                        // Every sheet a formula names is one of the month's own sheets.
                        Assert.All(SheetReference.Matches(formula!).Select(m => m.Groups[1].Value), name => Assert.EndsWith(" " + Month, name));
                        var plain = SheetReference.Replace(formula!, m => $"'{m.Groups[1].Value[..^(Month.Length + 1)]}'!");
                        Assert.Equal("=" + expected.Formula, plain);
                    }

                    if (expected.IsText)
                    {
                        Assert.Equal(expected.Value, text);
                    }
                    else
                    {
                        Assert.Equal(decimal.Parse(expected.Value, NumberStyles.Float, CultureInfo.InvariantCulture), value.GetDecimal());
                    }
                }
            }

            Assert.Empty(xlsx.Keys.Except(seen));
        }

        Assert.True(formulas > 80, $"only {formulas} formulas compared");
    }

    [Fact]
    public async Task Sheets_CachedValuesEqualTheMonthsFigures()
    {
        await SeedAsync();

        var grades = (await Accountant.GetFromJsonAsync<MonthGradesResponse>($"/api/grades/{Month}"))!;
        var response = await Accountant.GetFromJsonAsync<JsonElement>($"/api/grades/{Month}/sheets");

        var summary = response.GetProperty("sheets").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "summary");
        var headers = summary.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("header").GetString()).ToList();
        var rows = summary.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().ToList()).ToList();
        Assert.Equal(4, grades.Employees.Count);
        for (var i = 0; i < grades.Employees.Count; i++)
        {
            var g = grades.Employees[i];
            JsonElement Cell(string header) => rows[i][headers.IndexOf(header)];
            decimal Number(string header) => Cell(header).GetProperty("value").GetDecimal();

            Assert.Equal(g.Name, Cell("Сотрудник").GetProperty("value").GetString());
            Assert.Equal("@", Cell("Сотрудник").GetProperty("format").GetString());
            Assert.Equal(g.Points, Number("Баллы всего"));
            Assert.Equal(g.Plan, Number("План, баллов"));
            Assert.Equal(g.Fulfilment, Number("Выполнение плана"));
            Assert.Equal(g.Coefficient, Number("Коэффициент"));
            Assert.Equal(g.Bonus, Number("Премия"));
            Assert.Equal(g.Pay, Number("К выплате"));
            Assert.Equal("0.00%", Cell("Выполнение плана").GetProperty("format").GetString());
            Assert.Equal("#,##0.00\\ \"₽\"", Cell("К выплате").GetProperty("format").GetString());
            Assert.Equal("#,##0.0", Cell("Баллы всего").GetProperty("format").GetString());
            // The band is a formula whose cached value is text; formula cells never carry "@", which would keep them as text.
            Assert.Equal(g.Band, Cell("Грейд").GetProperty("value").GetString());
            Assert.StartsWith("=LOOKUP(", Cell("Грейд").GetProperty("formula").GetString());
            Assert.Equal("General", Cell("Грейд").GetProperty("format").GetString());
        }

        var joined = rows[0][headers.IndexOf("Дата приёма")];
        Assert.Equal(new DateOnly(2024, 3, 1).DayNumber - new DateOnly(1899, 12, 30).DayNumber, joined.GetProperty("value").GetInt32());
        Assert.Equal("dd.mm.yyyy", joined.GetProperty("format").GetString());

        // The head's block: where it stands on the Summary, and its profit as the month computed it.
        var head = response.GetProperty("head");
        Assert.Equal("summary", head.GetProperty("sheet").GetString());
        var top = head.GetProperty("row").GetInt32();
        Assert.Equal(grades.Employees.Count + 3, top);
        var block = head.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().ToList()).ToList();
        Assert.Equal(block[0][0].GetProperty("value").GetString(), rows[top - 2][0].GetProperty("value").GetString());
        var profit = block.Single(r => r[0].GetProperty("value").GetString() == "Прибыль отдела")[1];
        Assert.Equal(grades.Head!.Profit, profit.GetProperty("value").GetDecimal());
        Assert.Equal(grades.Head.ShareOfVolume, block.Single(r => r[0].GetProperty("value").GetString() == "Доля от объёма")[1].GetProperty("value").GetDecimal());
        var headPay = rows[grades.Employees.ToList().FindIndex(e => e.Role == "head")][headers.IndexOf("К выплате")];
        Assert.Contains($"$B${top + 7}", headPay.GetProperty("formula").GetString());
    }

    [Fact]
    public async Task Tasks_AClientNamedLikeAFormula_ComesBackAsText()
    {
        var seeded = await SeedAsync();

        var sheets = await Accountant.GetFromJsonAsync<JsonElement>($"/api/grades/{Month}/sheets");
        var page = await Accountant.GetFromJsonAsync<JsonElement>($"/api/grades/{Month}/tasks?take=10000");

        var tasks = sheets.GetProperty("tasks");
        Assert.Equal($"Задачи {Month}", tasks.GetProperty("name").GetString());
        Assert.Equal(seeded, tasks.GetProperty("total").GetInt32());
        var columns = tasks.GetProperty("columns").EnumerateArray().ToList();
        var client = columns.FindIndex(c => c.GetProperty("header").GetString() == "Клиент");
        Assert.Equal("@", columns[client].GetProperty("format").GetString());
        Assert.Equal("dd.mm.yyyy hh:mm", columns[0].GetProperty("format").GetString());
        var row = Assert.Single(page.GetProperty("rows").EnumerateArray(), r => r[client].ValueKind == JsonValueKind.String && r[client].GetString() == Injection);
        Assert.Equal(JsonValueKind.Number, row[0].ValueKind);
        Assert.Equal("@SUM(1+1)", row[columns.Count - 1].GetString());
        // Names, not ids: the employee's name from the staff file next to the id the Summary's SUMIFS match.
        Assert.Equal("Анна Смирнова", row[columns.FindIndex(c => c.GetProperty("header").GetString() == "Сотрудник")].GetString());
    }

    [Fact]
    public async Task Tasks_PagesCoverEveryRowOnce_InTheWorkbooksOrder()
    {
        var seeded = await SeedAsync();
        var path = await DownloadWorkbookAsync();

        var rows = new List<JsonElement>();
        int total;
        var skip = 0;
        do
        {
            var page = await Accountant.GetFromJsonAsync<JsonElement>($"/api/grades/{Month}/tasks?skip={skip}&take=97");
            total = page.GetProperty("total").GetInt32();
            Assert.Equal(skip, page.GetProperty("skip").GetInt32());
            var got = page.GetProperty("rows").EnumerateArray().ToList();
            Assert.True(got.Count == Math.Min(97, total - skip), $"page at {skip} has {got.Count} rows");
            rows.AddRange(got);
            skip += 97;
        }
        while (skip < total);

        Assert.Equal(seeded, total);
        Assert.Equal(total, rows.Count);
        var past = await Accountant.GetFromJsonAsync<JsonElement>($"/api/grades/{Month}/tasks?skip={total}");
        Assert.Empty(past.GetProperty("rows").EnumerateArray());

        // Row i of the pages is row i + 2 of the workbook's Задачи sheet, value for value.
        var xlsx = WorkbookReader.ReadSheet(path, "Задачи");
        Assert.Equal(total + 1, xlsx.Keys.Select(k => k.TrimStart('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K')).Distinct().Count());
        for (var r = 0; r < rows.Count; r++)
        {
            var values = rows[r].EnumerateArray().ToList();
            Assert.Equal(11, values.Count);
            for (var c = 0; c < values.Count; c++)
            {
                var expected = xlsx.TryGetValue(Address(c, r + 2), out var cell) ? cell.Value : "";
                var actual = values[c].ValueKind == JsonValueKind.String ? values[c].GetString() : values[c].GetRawText();
                if (values[c].ValueKind == JsonValueKind.Number)
                {
                    Assert.Equal(double.Parse(expected, CultureInfo.InvariantCulture), values[c].GetDouble());
                }
                else
                {
                    Assert.True(expected == actual, $"{Address(c, r + 2)}: workbook '{expected}', API '{actual}'");
                }
            }
        }
    }

    [Theory]
    [InlineData("sheets")]
    [InlineData("tasks")]
    public async Task ExcelRoutes_ManagerForbidden_NoTokenUnauthorized_BadMonthInRussian(string route)
    {
        var manager = await As("6f1c2a8e-1d3b-4c55-9a0e-3b7f6a2d9c41", Roles.Manager).GetAsync($"/api/grades/{Month}/{route}");
        var anonymous = await _factory.CreateClient().GetAsync($"/api/grades/{Month}/{route}");
        var admin = await As("root", Roles.Admin).GetAsync($"/api/grades/{Month}/{route}");
        var bad = await Accountant.GetAsync($"/api/grades/2026-13/{route}");

        Assert.Equal(HttpStatusCode.Forbidden, manager.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Месяц «2026-13» не распознан", await bad.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("take=0", "take")]
    [InlineData("take=10001", "take")]
    [InlineData("take=abc", "take")]
    [InlineData("skip=-1", "skip")]
    public async Task Tasks_PageOutOfRange_NamesTheFieldInRussian(string query, string field)
    {
        var response = await Accountant.GetAsync($"/api/grades/{Month}/tasks?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = Assert.Single(problem.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString();
        Assert.Contains("целое число", message);
    }

    [Fact]
    public async Task OpenApi_DescribesBothRoutesWithTypedResponses()
    {
        var document = await _factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/openapi.json");

        var paths = document.GetProperty("paths");
        Assert.Equal("GradesSheets", paths.GetProperty("/api/grades/{month}/sheets").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("GradesTasks", paths.GetProperty("/api/grades/{month}/tasks").GetProperty("get").GetProperty("operationId").GetString());
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty(nameof(GradesSheetsResponse), out _));
        Assert.True(schemas.TryGetProperty(nameof(GradesTasksResponse), out _));
    }
}
