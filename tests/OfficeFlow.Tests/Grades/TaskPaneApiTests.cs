using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Grades.Api;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Grades;

/// <summary>What the «Задача» pane reads: the catalog and «Мой месяц», through the real pipeline on 20 October 2026.</summary>
public sealed class TaskPaneApiTests : IClassFixture<AzuriteFixture>, IDisposable
{
    // The shipped staff file: Anna is a manager, with the firm the whole of October (22 working days, plan 12 × 22 = 264).
    private const string Anna = "6f1c2a8e-1d3b-4c55-9a0e-3b7f6a2d9c41";

    private readonly GradesAppFactory _factory;

    public TaskPaneApiTests(AzuriteFixture azurite) =>
        _factory = new GradesAppFactory(azurite, new DateTimeOffset(2026, 10, 20, 12, 0, 0, TimeSpan.FromHours(3)));

    public void Dispose() => _factory.Dispose();

    private HttpClient As(string user, params string[] roles)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer",
            DevTokenIssuer.Issue(TestTokens.Key, new DevTokenRequest(user, roles, $"Test user {user}", TimeSpan.FromHours(1)), _factory.Time));
        return client;
    }

    [Theory]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Accountant)]
    [InlineData(Roles.Admin)]
    public async Task Catalog_AnyRole_GetsTheOpenMonthsPolicyTasksByCode(string role)
    {
        var response = await As("someone", role).GetAsync("/api/tasks/catalog");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var catalog = JsonSerializer.Deserialize<TaskCatalogResponse>(text, JsonSerializerOptions.Web)!;
        Assert.Equal(("2026-10", "2026-01"), (catalog.Month, catalog.PolicyVersion));
        Assert.Equal(32, catalog.Tasks.Count);
        Assert.Equal(catalog.Tasks.Select(t => t.Code).OrderBy(c => c, TaskCodeComparer.Instance), catalog.Tasks.Select(t => t.Code));
        var task = Assert.Single(catalog.Tasks, t => t.Code == "2.9");
        Assert.Equal(8m, task.Points);
        Assert.StartsWith("Приём", catalog.Tasks[0].Title);
        var json = JsonDocument.Parse(text).RootElement;
        Assert.Equal(["code", "title", "complexityClass", "points", "category"],
            json.GetProperty("tasks")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Catalog_SignedInWithoutAnyRole_Is403()
    {
        var response = await As("guest").GetAsync("/api/tasks/catalog");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("одна из ролей «manager», «accountant», «admin»", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void TaskCodes_SortAsTheFirmNumbersThem() =>
        Assert.Equal(["1.2", "1.10", "2.1", "10.1"], new[] { "10.1", "1.10", "2.1", "1.2" }.Order(TaskCodeComparer.Instance));

    [Fact]
    public async Task MyMonth_NothingLogged_ZerosAndTheFirstBandToReach()
    {
        var month = (await As(Anna, Roles.Manager).GetFromJsonAsync<MyMonthResponse>("/api/me/month"))!;

        Assert.Equal(("2026-10", 0m, 264m, 0m, "D", 0), (month.Month, month.Points, month.Plan, month.Fulfilment, month.Band, month.Tasks));
        Assert.Equal("C", month.NextBand);
        Assert.Equal(184.8m, month.PointsToNextBand);          // 0.7 × 264
        Assert.Equal(["D:0", "C:0.7", "B:0.9", "A:1.1"], month.Bands.Select(b => $"{b.Band}:{b.MinFulfilment}"));
    }

    [Fact]
    public async Task MyMonth_TwoTasksLogged_PointsGrowByTheirCatalogPoints_AsTheGradesRowSays()
    {
        var anna = As(Anna, Roles.Manager);
        var catalog = (await anna.GetFromJsonAsync<TaskCatalogResponse>("/api/tasks/catalog"))!;
        var before = (await anna.GetFromJsonAsync<MyMonthResponse>("/api/me/month"))!;

        Assert.Equal(HttpStatusCode.Created, (await anna.PostAsJsonAsync("/api/tasks", new { taskCode = "2.9", requestId = "m1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await anna.PostAsJsonAsync("/api/tasks", new { taskCode = "1.1", requestId = "m2" })).StatusCode);
        var after = (await anna.GetFromJsonAsync<MyMonthResponse>("/api/me/month"))!;

        var logged = catalog.Tasks.Single(t => t.Code == "2.9").Points + catalog.Tasks.Single(t => t.Code == "1.1").Points;
        Assert.Equal(9m, logged);
        Assert.Equal(before.Points + logged, after.Points);
        Assert.Equal(2, after.Tasks);
        Assert.Equal(before.PointsToNextBand - logged, after.PointsToNextBand);
        var row = Assert.Single((await anna.GetFromJsonAsync<MonthGradesResponse>("/api/grades/2026-10"))!.Employees);
        Assert.Equal((row.Points, row.Plan, row.Fulfilment, row.Band, row.Coefficient), (after.Points, after.Plan, after.Fulfilment, after.Band, after.Coefficient));
    }

    [Fact]
    public async Task TasksSheet_ATaskLoggedWithOnlyTheClientsId_ShowsTheClientsName()
    {
        var anna = As(Anna, Roles.Manager);
        using var logged = await anna.PostAsJsonAsync("/api/contacts/log-email",
            OfficeFlow.Tests.Contacts.ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", OfficeFlow.Tests.Contacts.ContactsEmails.RomashkaSignature));
        Assert.True(logged.IsSuccessStatusCode, await logged.Content.ReadAsStringAsync());
        var clientId = (await logged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("client").GetProperty("id").GetString()!;
        // The «Задача» pane sends the client picked on the card by id only, as invoices, payments and reminders record theirs.
        using var task = await anna.PostAsJsonAsync("/api/tasks", new { taskCode = "2.9", requestId = "by-id", clientId });
        Assert.Equal(HttpStatusCode.Created, task.StatusCode);

        var accountant = As("buh", Roles.Accountant);
        var page = await accountant.GetFromJsonAsync<JsonElement>("/api/grades/2026-10/tasks?take=10000");
        var row = Assert.Single(page.GetProperty("rows").EnumerateArray(), r => r[TaskCodeColumn].GetString() == "2.9");
        Assert.Equal("ООО «Ромашка»", row[ClientColumn].GetString());

        using var workbook = await accountant.GetAsync("/api/grades/2026-10/workbook");
        var path = Path.Combine(_factory.DataFolder, "by-id.xlsx");
        await File.WriteAllBytesAsync(path, await workbook.Content.ReadAsByteArrayAsync());
        var cells = WorkbookReader.ReadSheet(path, "Задачи");
        var taskRow = cells.Single(c => c.Key.StartsWith('D') && c.Value.Value == "2.9").Key[1..];
        Assert.Equal("ООО «Ромашка»", cells["H" + taskRow].Value);
    }

    // The Задачи sheet's columns: A date, B employee id, C employee, D task code, E category, F class, G points, H client.
    private const int TaskCodeColumn = 3;
    private const int ClientColumn = 7;

    [Fact]
    public async Task MyMonth_SomeoneNotOnTheStaffList_Is404SayingSo()
    {
        var response = await As("buh", Roles.Accountant).GetAsync("/api/me/month");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Вас нет в списке сотрудников", await response.Content.ReadAsStringAsync());
    }
}
