using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Grades.Api;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Grades;

/// <summary>The grades API through the real pipeline (auth, routing, Azurite), on 20 October 2026.</summary>
public sealed class GradesApiTests : IClassFixture<AzuriteFixture>, IDisposable
{
    // The shipped staff file: Anna and Maria are managers, Oleg is the head.
    private const string Anna = "6f1c2a8e-1d3b-4c55-9a0e-3b7f6a2d9c41";
    private const string Maria = "b2d94e17-7c60-4a1f-8e35-5c2a9f0d7e12";

    private readonly GradesAppFactory _factory;

    public GradesApiTests(AzuriteFixture azurite) =>
        _factory = new GradesAppFactory(azurite, new DateTimeOffset(2026, 10, 20, 12, 0, 0, TimeSpan.FromHours(3)));

    public void Dispose() => _factory.Dispose();

    // Tokens are minted on the test's clock: the app validates them against the same (settable) time.
    private HttpClient As(string user, params string[] roles)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer",
            DevTokenIssuer.Issue(TestTokens.Key, new DevTokenRequest(user, roles, $"Test user {user}", TimeSpan.FromHours(1)), _factory.Time));
        return client;
    }

    private static object Task(string code, string requestId, string? client = null) =>
        new { taskCode = code, requestId, clientName = client, minutes = 15, at = new DateTimeOffset(2026, 10, 20, 10, 0, 0, TimeSpan.FromHours(3)) };

    [Fact]
    public async Task CreateTask_RepeatedRequest_IsRecordedOnce()
    {
        var anna = As(Anna, Roles.Manager);

        var first = await anna.PostAsJsonAsync("/api/tasks", Task("2.9", "req-1", "ООО «Берег»"));
        var again = await anna.PostAsJsonAsync("/api/tasks", Task("2.9", "req-1", "ООО «Берег»"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var created = await first.Content.ReadFromJsonAsync<TaskEntryResponse>();
        Assert.Equal(8m, created!.Points);
        Assert.Equal(created.Id, (await again.Content.ReadFromJsonAsync<TaskEntryResponse>())!.Id);
        var grades = await anna.GetFromJsonAsync<MonthGradesResponse>("/api/grades/2026-10");
        Assert.Equal(8m, Assert.Single(grades!.Employees).Points);
    }

    [Fact]
    public async Task CreateTask_UnknownCodeOrClosedMonth_SaysWhatToFix()
    {
        var anna = As(Anna, Roles.Manager);

        var unknown = await anna.PostAsJsonAsync("/api/tasks", Task("3.2", "req-x"));
        var closed = await anna.PostAsJsonAsync("/api/tasks", new { taskCode = "2.6", at = new DateTimeOffset(2026, 9, 30, 10, 0, 0, TimeSpan.FromHours(3)) });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("«3.2» нет в каталоге", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
        Assert.Contains("в текущем месяце (2026-10)", await closed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CreateTask_AccountantIsNotAManager_Forbidden()
    {
        var response = await As("buh", Roles.Accountant).PostAsJsonAsync("/api/tasks", Task("2.6", "r"));

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DeleteTask_OwnManualEntry_OthersAndAutomaticRefused()
    {
        var anna = As(Anna, Roles.Manager);
        var created = await (await anna.PostAsJsonAsync("/api/tasks", Task("6.6", "req-del"))).Content.ReadFromJsonAsync<TaskEntryResponse>();
        await _factory.Services.GetRequiredService<ITaskRecorder>().RecordAsync(
            new TaskEvent(Anna, "2.4", new DateTimeOffset(2026, 10, 19, 10, 0, 0, TimeSpan.FromHours(3)), "contract:2026-0042"));
        var automatic = (await anna.GetFromJsonAsync<MonthGradesResponse>("/api/grades/2026-10"))!;
        Assert.Equal(6m, Assert.Single(automatic.Employees).Points);          // 2 (6.6) + 4 (2.4)

        var byMaria = await As(Maria, Roles.Manager).DeleteAsync($"/api/tasks/{created!.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, byMaria.StatusCode);

        var contractId = Functions.Grades.Ledger.LedgerIds.Format("2026-10", Functions.Grades.Ledger.LedgerIds.AutomaticRowKey("contract:2026-0042"));
        var contract = await anna.DeleteAsync($"/api/tasks/{contractId}");
        Assert.Equal(HttpStatusCode.Conflict, contract.StatusCode);

        var own = await anna.DeleteAsync($"/api/tasks/{created.Id}");
        Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
        var after = (await anna.GetFromJsonAsync<MonthGradesResponse>("/api/grades/2026-10"))!;
        Assert.Equal(4m, Assert.Single(after.Employees).Points);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.DeleteAsync($"/api/tasks/{created.Id}")).StatusCode);
    }

    [Fact]
    public async Task DeleteTask_InAClosedMonth_Refused()
    {
        var anna = As(Anna, Roles.Manager);
        var created = await (await anna.PostAsJsonAsync("/api/tasks", Task("6.6", "req-old"))).Content.ReadFromJsonAsync<TaskEntryResponse>();
        _factory.Time.Now = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(3));

        var response = await As(Anna, Roles.Manager).DeleteAsync($"/api/tasks/{created!.Id}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("2026-10 закрыт", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetGrades_ManagerSeesOnlyThemself_AccountantSeesEveryoneAndTheHead()
    {
        await As(Anna, Roles.Manager).PostAsJsonAsync("/api/tasks", Task("2.2", "a1"));
        await As(Maria, Roles.Manager).PostAsJsonAsync("/api/tasks", Task("2.6", "m1"));

        var mine = (await As(Maria, Roles.Manager).GetFromJsonAsync<MonthGradesResponse>("/api/grades/2026-10"))!;
        var all = (await As("buh", Roles.Accountant).GetFromJsonAsync<MonthGradesResponse>("/api/grades/2026-10"))!;

        Assert.Equal(Maria, Assert.Single(mine.Employees).Id);
        Assert.Null(mine.Head);
        Assert.Equal(4, all.Employees.Count);
        Assert.Equal(302500m, all.Head!.ShareOfVolume);                         // 0.5 × (420 000 + 185 000) from Grades:Months
        Assert.Equal(22, all.WorkingDays);
    }

    [Fact]
    public async Task GetGrades_BadMonthOrNoPolicy_AreProblems()
    {
        var client = As("buh", Roles.Accountant);

        var bad = await client.GetAsync("/api/grades/2026-13");
        var early = await client.GetAsync("/api/grades/2025-06");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
    }

    [Fact]
    public async Task Workbook_AccountantDownloadsIt_ManagerMayNot()
    {
        await As(Anna, Roles.Manager).PostAsJsonAsync("/api/tasks", Task("2.2", "w1", "=HYPERLINK(\"http://x\",\"y\")"));

        var response = await As("buh", Roles.Accountant).GetAsync("/api/grades/2026-10/workbook");
        var denied = await As(Anna, Roles.Manager).GetAsync("/api/grades/2026-10/workbook");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("grades-2026-10.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("grades-2026-10.xlsx", response.Content.Headers.ContentDisposition.FileName);
        var path = Path.Combine(_factory.DataFolder, "download.xlsx");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(WorkbookReader.ReadSheet(path, "Задачи").Values, c => c.IsText && c.Value == "=HYPERLINK(\"http://x\",\"y\")");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }
}
