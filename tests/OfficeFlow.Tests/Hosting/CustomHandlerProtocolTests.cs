using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Hosting.Timers;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Hosting;

/// <summary>The app as the Functions host sees it: FUNCTIONS_CUSTOMHANDLER_PORT set, timers invoked by POST /{Name}.</summary>
public sealed class CustomHandlerProtocolTests : IDisposable
{
    // What the host sends for a timer whose function.json names the binding "timer".
    private const string HostPayload = """
        {
          "Data": {
            "timer": {
              "Schedule": { "AdjustForDST": true },
              "ScheduleStatus": {
                "Last": "2026-11-22T05:55:00+00:00",
                "Next": "2026-11-22T06:00:00+00:00",
                "LastUpdated": "2026-11-22T05:55:00.0132483+00:00"
              },
              "IsPastDue": __PASTDUE__
            }
          },
          "Metadata": {
            "sys": { "MethodName": "__NAME__", "UtcNow": "2026-11-22T06:00:00.0171102Z", "RandGuid": "0c4a4ad1-2a6e-4c38-9a35-2f4a0c5bd4c5" }
          }
        }
        """;

    private readonly OfficeFlowApiFactory _factory = new OfficeFlowApiFactory()
        .WithSettings(TestTokens.HostedSettings)
        .WithSetting("FUNCTIONS_CUSTOMHANDLER_PORT", "7999")
        .WithServices(s =>
        {
            s.AddTimerFunction<RecordingTimer>();
            s.AddTimerFunction<FailingTimer>();
        });

    public void Dispose() => _factory.Dispose();

    private static StringContent Payload(string name, bool isPastDue = false)
        => new(HostPayload.Replace("__NAME__", name).Replace("__PASTDUE__", isPastDue ? "true" : "false"), Encoding.UTF8, "application/json");

    [Fact]
    public async Task TimerInvocation_Succeeds_Answers200WithTheHostsResponseShapeAndTheRunsLogs()
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/" + RecordingTimer.FunctionName, Payload(RecordingTimer.FunctionName));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal(JsonValueKind.Object, root.GetProperty("Outputs").ValueKind);
        Assert.Empty(root.GetProperty("Outputs").EnumerateObject());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("ReturnValue").ValueKind);
        var logs = root.GetProperty("Logs").EnumerateArray().Select(l => l.GetString()!).ToArray();
        Assert.Contains("TestTick did its work (past due: False).", logs);
        Assert.Contains(logs, l => l.Contains("succeeded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TimerInvocation_PassesTheHostsScheduleStatusToTheFunction()
    {
        var client = _factory.CreateClient();
        var timer = _factory.Services.GetRequiredService<RecordingTimer>();

        await client.PostAsync("/" + RecordingTimer.FunctionName, Payload(RecordingTimer.FunctionName));

        var run = await timer.NextRunAsync();
        Assert.False(run.IsPastDue);
        Assert.Equal(DateTimeOffset.Parse("2026-11-22T05:55:00Z"), run.ScheduleLast);
        Assert.Equal(DateTimeOffset.Parse("2026-11-22T06:00:00Z"), run.ScheduleNext);
        Assert.Equal(RecordingTimer.FunctionName, run.FunctionName);
    }

    [Fact]
    public async Task TimerInvocation_PastDue_IsLoggedAndPassedOn()
    {
        var client = _factory.CreateClient();
        var timer = _factory.Services.GetRequiredService<RecordingTimer>();

        var response = await client.PostAsync("/" + RecordingTimer.FunctionName, Payload(RecordingTimer.FunctionName, isPastDue: true));

        var logs = (await response.Content.ReadFromJsonAsync<HostInvocationResponse>())!.Logs;
        Assert.Contains(logs, l => l.Contains("is past due", StringComparison.Ordinal) && l.Contains("2026-11-22T06:00:00", StringComparison.Ordinal));
        Assert.True((await timer.NextRunAsync()).IsPastDue);
    }

    [Fact]
    public async Task TimerInvocation_DataAsAJsonString_IsReadToo()
    {
        var client = _factory.CreateClient();
        var timer = _factory.Services.GetRequiredService<RecordingTimer>();
        var inner = """{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":true}""";
        var payload = JsonSerializer.Serialize(new { Data = new { timer = inner }, Metadata = new { } });

        var response = await client.PostAsync("/" + RecordingTimer.FunctionName, new StringContent(payload, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = await timer.NextRunAsync();
        Assert.True(run.IsPastDue);
        Assert.Null(run.ScheduleNext);
    }

    [Fact]
    public async Task TimerInvocation_Fails_Answers500WithItsLogLinesAndNoExceptionText()
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/" + FailingTimer.FunctionName, Payload(FailingTimer.FunctionName));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var logs = JsonSerializer.Deserialize<HostInvocationResponse>(text)!.Logs;
        Assert.Contains("TestFailing started its work.", logs);
        Assert.Contains(logs, l => l.Contains("failed with InvalidOperationException", StringComparison.Ordinal));
        Assert.DoesNotContain(FailingTimer.SecretText, text);
        Assert.DoesNotContain(" at OfficeFlow", text);
    }

    [Fact]
    public async Task TimerInvocation_UnknownFunction_Answers404ProblemDetailsNamingTheTimers()
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/NoSuchTimer", Payload("NoSuchTimer"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("no timer function named 'NoSuchTimer'", problem.GetProperty("detail").GetString());
        Assert.Contains(RecordingTimer.FunctionName, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TimerInvocation_WithoutTheTimerBinding_Answers400()
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/" + RecordingTimer.FunctionName, new StringContent("""{"Data":{},"Metadata":{}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Data.timer", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TimerInvocation_BodyThatIsNotJson_Answers400ProblemSayingSo()
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/" + RecordingTimer.FunctionName, new StringContent("{not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("JSON", problem.GetProperty("detail").GetString());
        Assert.False(_factory.Services.GetRequiredService<RecordingTimer>().TryGetRun(out _));
    }

    [Fact]
    public async Task CustomHandlerMode_HasNoStandaloneAdminRoute()
    {
        // Under the host only Entra ID tokens work, and none is at hand: the endpoint list shows the route is absent.
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/admin/functions/" + RecordingTimer.FunctionName, new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.NotEqual(HttpStatusCode.Accepted, response.StatusCode);
        var routes = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText ?? "");
        Assert.DoesNotContain(routes, r => r.Contains("admin/functions", StringComparison.Ordinal));
        Assert.False(_factory.Services.GetRequiredService<RecordingTimer>().TryGetRun(out _));
    }

    [Fact]
    public async Task StandaloneMode_HasNoHostInvocationRoute()
    {
        using var standalone = new OfficeFlowApiFactory().WithSettings(TestTokens.Settings).WithServices(s => s.AddTimerFunction<RecordingTimer>());
        var client = standalone.CreateClient().WithToken("admin-1", Roles.Admin);

        var response = await client.PostAsync("/" + RecordingTimer.FunctionName, Payload(RecordingTimer.FunctionName));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(standalone.Services.GetRequiredService<RecordingTimer>().TryGetRun(out _));
    }
}
