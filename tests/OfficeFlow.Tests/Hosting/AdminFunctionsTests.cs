using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Hosting.Timers;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Hosting;

/// <summary>POST /admin/functions/{name} in standalone mode: runs a timer now, like the host's admin API.</summary>
public sealed class AdminFunctionsTests : IDisposable
{
    private static readonly ScheduleStatus Recorded = new(
        DateTimeOffset.Parse("2026-11-22T05:55:00Z"), DateTimeOffset.Parse("2026-11-22T06:00:00Z"), DateTimeOffset.Parse("2026-11-22T05:55:01Z"));

    private readonly InMemoryScheduleStatusStore _store = new();
    private readonly OfficeFlowApiFactory _factory;

    public AdminFunctionsTests()
    {
        _factory = new OfficeFlowApiFactory()
            .WithSettings(TestTokens.Settings)
            .WithServices(s =>
            {
                s.AddTimerFunction<RecordingTimer>();
                s.AddTimerFunction<FailingTimer>();
                s.RemoveAll<IScheduleStatusStore>();
                s.AddSingleton<IScheduleStatusStore>(_store);
            });
    }

    public void Dispose() => _factory.Dispose();

    private HttpClient Admin() => _factory.CreateClient().WithToken("admin-1", Roles.Admin);

    private RecordingTimer Timer => _factory.Services.GetRequiredService<RecordingTimer>();

    [Fact]
    public async Task RunNow_Answers202AndRunsTheTimer_NotPastDue()
    {
        var response = await Admin().PostAsync("/admin/functions/" + RecordingTimer.FunctionName, null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(RecordingTimer.FunctionName, body.GetProperty("name").GetString());
        Assert.Equal("started", body.GetProperty("status").GetString());
        var run = await Timer.NextRunAsync();
        Assert.False(run.IsPastDue);
    }

    [Fact]
    public async Task RunNow_NameIsCaseInsensitive_LikeAzureFunctionNames()
    {
        var response = await Admin().PostAsync("/admin/functions/testtick", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Timer.NextRunAsync();
    }

    [Fact]
    public async Task RunNow_GetsTheCurrentScheduleStatus_AndDoesNotMoveTheSchedule()
    {
        await _store.SaveAsync(RecordingTimer.FunctionName, Recorded, default);

        await Admin().PostAsync("/admin/functions/" + RecordingTimer.FunctionName, null);
        var run = await Timer.NextRunAsync();

        Assert.Equal(Recorded.Last, run.ScheduleLast);
        Assert.Equal(Recorded.Next, run.ScheduleNext);
        Assert.Equal(Recorded, await _store.GetAsync(RecordingTimer.FunctionName, default));
    }

    [Fact]
    public async Task RunNow_AFailingTimer_StillAnswers202_BecauseItDoesNotWait()
    {
        var response = await Admin().PostAsync("/admin/functions/" + FailingTimer.FunctionName, null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.DoesNotContain(FailingTimer.SecretText, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RunNow_UnknownFunction_Answers404ProblemListingTheTimers()
    {
        var response = await Admin().PostAsync("/admin/functions/NoSuchTimer", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("no timer function named 'NoSuchTimer'", detail);
        Assert.Contains(RecordingTimer.FunctionName, detail);
        Assert.Contains(FailingTimer.FunctionName, detail);
    }

    [Fact]
    public async Task RunNow_AnHttpFunctionsName_Answers404SayingToCallItsRoute()
    {
        var response = await Admin().PostAsync("/admin/functions/Health", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("'Health' is an HTTP function", detail);
    }

    [Fact]
    public async Task RunNow_WithoutAToken_Answers401AndRunsNothing()
    {
        var response = await _factory.CreateClient().PostAsync("/admin/functions/" + RecordingTimer.FunctionName, null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // The endpoint runs the timer inside the request, so once the answer is here nothing more can run.
        Assert.False(Timer.TryGetRun(out _));
    }

    [Fact]
    public async Task RunNow_AsAManager_Answers403AndRunsNothing()
    {
        var client = _factory.CreateClient().WithToken("manager-1", Roles.Manager);

        var response = await client.PostAsync("/admin/functions/" + RecordingTimer.FunctionName, null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        // The endpoint runs the timer inside the request, so once the answer is here nothing more can run.
        Assert.False(Timer.TryGetRun(out _));
    }
}
