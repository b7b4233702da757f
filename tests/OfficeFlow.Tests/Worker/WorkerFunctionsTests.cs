using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Hosting.Timers;
using OfficeFlow.Tests.Infrastructure;
using OfficeFlow.Worker.Auth;
using OfficeFlow.Worker.Contacts;
using OfficeFlow.Worker.Contracts;
using OfficeFlow.Worker.Grades;
using OfficeFlow.Worker.Health;
using OfficeFlow.Worker.Hosting;
using OfficeFlow.Worker.Invoices;

namespace OfficeFlow.Tests.Worker;

/// <summary>The worker's function classes, constructed directly and called as the Functions host would call them, without a host.</summary>
public sealed class WorkerFunctionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private WorkerTestHost _worker = null!;

    public async Task InitializeAsync() => _worker = await WorkerTestHost.StartAsync(azurite, s => s.AddTimerFunction<FailingTimer>());

    public async Task DisposeAsync() => await _worker.DisposeAsync();

    [Fact]
    public async Task Health_Anonymous_AnswersOkAndSaysItIsTheWorker()
    {
        var request = _worker.Request("GET", "/api/health");

        var result = await _worker.Create<HealthFunctions>().Health(request);

        Assert.IsType<EmptyResult>(result);
        Assert.Equal(200, request.HttpContext.Response.StatusCode);
        var body = WorkerTestHost.Json(request);
        Assert.Equal("ok", (string?)body["storage"]);
        Assert.Equal("worker", (string?)body["mode"]);
        Assert.Equal("Europe/Moscow", (string?)body["timeZone"]);
    }

    [Fact]
    public async Task OpenApi_DescribesTheApiByFunctionName()
    {
        var request = _worker.Request("GET", "/api/openapi.json");

        await _worker.Create<HealthFunctions>().OpenApi(request);

        Assert.Equal(200, request.HttpContext.Response.StatusCode);
        var body = WorkerTestHost.Body(request);
        Assert.Contains("\"operationId\": \"ClientsGet\"", body);
        Assert.Contains("\"operationId\": \"InvoicesPaymentsAdd\"", body);
    }

    [Fact]
    public async Task Me_WithAToken_ReturnsTheCaller()
    {
        var request = _worker.Request("GET", "/api/me", TestTokens.For("u1", Roles.Manager));

        await _worker.Create<AuthFunctions>().Me(request);

        Assert.Equal(200, request.HttpContext.Response.StatusCode);
        var body = WorkerTestHost.Json(request);
        Assert.Equal("u1", (string?)body["id"]);
        Assert.Equal(Roles.Manager, (string?)body["roles"]![0]);
    }

    [Fact]
    public async Task Me_WithoutAToken_Is401WithTheAuthModulesProblem()
    {
        var request = _worker.Request("GET", "/api/me");

        await _worker.Create<AuthFunctions>().Me(request);

        var response = request.HttpContext.Response;
        Assert.Equal(401, response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WWWAuthenticate.ToString());
        Assert.StartsWith("application/problem+json", response.ContentType);
        Assert.Equal("token_missing", (string?)WorkerTestHost.Json(request)["code"]);
    }

    [Fact]
    public async Task Me_WithATokenSignedByAnotherKey_Is401BadSignature()
    {
        var otherKey = new byte[32];
        var token = DevTokenIssuer.Issue(otherKey, new DevTokenRequest("u1", [Roles.Manager], Name: "u1", Lifetime: TimeSpan.FromHours(1)));
        var request = _worker.Request("GET", "/api/me", token);

        await _worker.Create<AuthFunctions>().Me(request);

        Assert.Equal(401, request.HttpContext.Response.StatusCode);
        Assert.Equal("token_bad_signature", (string?)WorkerTestHost.Json(request)["code"]);
    }

    [Fact]
    public async Task ClientsSearch_Manager_Is200()
    {
        var request = _worker.Request("GET", "/api/clients?search=%D1%80%D0%BE%D0%BC%D0%B0%D1%88%D0%BA%D0%B0", TestTokens.For("m1", Roles.Manager));

        await _worker.Create<ContactsFunctions>().ClientsSearch(request);

        Assert.Equal(200, request.HttpContext.Response.StatusCode);
        Assert.Equal("[]", WorkerTestHost.Body(request));
    }

    [Fact]
    public async Task ClientsUpdate_AccountantWithoutTheManagerRole_Is403NamingTheRole()
    {
        var request = _worker.Request("PUT", "/api/clients/c1", TestTokens.For("a1", Roles.Accountant), new { name = "Ромашка" });

        await _worker.Create<ContactsFunctions>().ClientsUpdate(request);

        Assert.Equal(403, request.HttpContext.Response.StatusCode);
        var body = WorkerTestHost.Json(request);
        Assert.Equal("access_denied", (string?)body["code"]);
        Assert.Contains("«manager»", (string?)body["detail"]);
    }

    [Fact]
    public async Task ClientsGet_UnknownClient_Is404FromTheHandlerWithTheRouteValue()
    {
        var request = _worker.Request("GET", "/api/clients/no-such-client", TestTokens.For("m1", Roles.Manager));

        await _worker.Create<ContactsFunctions>().ClientsGet(request);

        Assert.Equal(404, request.HttpContext.Response.StatusCode);
        Assert.StartsWith("application/problem+json", request.HttpContext.Response.ContentType);
    }

    [Fact]
    public async Task ContractTemplatesList_Manager_ListsTheFirmsTemplates()
    {
        var request = _worker.Request("GET", "/api/contract-templates", TestTokens.For("m1", Roles.Manager));

        await _worker.Create<ContractsFunctions>().ContractTemplatesList(request);

        Assert.Equal(200, request.HttpContext.Response.StatusCode);
        Assert.NotEmpty(WorkerTestHost.Json(request).AsArray());
    }

    [Fact]
    public async Task InvoicesList_Accountant_Is200()
    {
        var request = _worker.Request("GET", "/api/invoices", TestTokens.For("a1", Roles.Accountant));

        await _worker.Create<InvoicesFunctions>().InvoicesList(request);

        Assert.Equal(200, request.HttpContext.Response.StatusCode);
        Assert.Equal("[]", WorkerTestHost.Body(request));
    }

    [Fact]
    public async Task InvoicesList_SignedInWithoutAnyRole_Is403()
    {
        var request = _worker.Request("GET", "/api/invoices", TestTokens.For("nobody"));

        await _worker.Create<InvoicesFunctions>().InvoicesList(request);

        Assert.Equal(403, request.HttpContext.Response.StatusCode);
        Assert.Equal("access_denied", (string?)WorkerTestHost.Json(request)["code"]);
    }

    [Fact]
    public async Task InvoicesPaymentsAdd_Manager_Is403()
    {
        var request = _worker.Request("POST", "/api/invoices/i1/payments", TestTokens.For("m1", Roles.Manager), new { amount = 100 });

        await _worker.Create<InvoicesFunctions>().InvoicesPaymentsAdd(request);

        Assert.Equal(403, request.HttpContext.Response.StatusCode);
        Assert.Contains("«accountant»", (string?)WorkerTestHost.Json(request)["detail"]);
    }

    [Fact]
    public async Task TasksCatalog_Manager_Is200()
    {
        var request = _worker.Request("GET", "/api/tasks/catalog", TestTokens.For("m1", Roles.Manager));

        await _worker.Create<GradesFunctions>().TasksCatalog(request);

        Assert.Equal(200, request.HttpContext.Response.StatusCode);
        Assert.NotNull(WorkerTestHost.Json(request)["month"]);
    }

    [Fact]
    public async Task GradesGet_BadMonthInTheRoute_Is400FromTheHandler()
    {
        var request = _worker.Request("GET", "/api/grades/October", TestTokens.For("acc", Roles.Accountant));

        await _worker.Create<GradesFunctions>().GradesGet(request);

        Assert.Equal(400, request.HttpContext.Response.StatusCode);
        Assert.StartsWith("application/problem+json", request.HttpContext.Response.ContentType);
    }

    [Fact]
    public async Task MailboxSync_RunsThroughTheTimerRunner()
    {
        await _worker.Create<ContactsFunctions>().MailboxSync(Timer(), WorkerTestHost.FunctionContext());
    }

    [Fact]
    public async Task MonthlyGrades_RunsThroughTheTimerRunner()
    {
        await _worker.Create<GradesFunctions>().MonthlyGrades(Timer(pastDue: true), WorkerTestHost.FunctionContext());
    }

    [Fact]
    public async Task InvoiceReminders_RunsThroughTheTimerRunner()
    {
        await _worker.Create<InvoicesFunctions>().InvoiceReminders(Timer(), WorkerTestHost.FunctionContext());
    }

    [Fact]
    public async Task ATimerThatFails_Throws_SoTheHostRecordsAFailedInvocation()
    {
        var timers = _worker.Services.GetRequiredService<WorkerTimers>();

        var error = await Assert.ThrowsAsync<TimerRunFailedException>(() => timers.RunAsync(Timer(), WorkerTestHost.FunctionContext(), FailingTimer.FunctionName));

        Assert.Contains("failed", error.Message);
        Assert.Contains(error.Logs, l => l.Contains("started", StringComparison.Ordinal));
    }

    private static TimerInfo Timer(bool pastDue = false) => new()
    {
        IsPastDue = pastDue,
        ScheduleStatus = new Microsoft.Azure.Functions.Worker.ScheduleStatus
        {
            Last = new DateTime(2026, 10, 1, 3, 0, 0, DateTimeKind.Utc),
            Next = new DateTime(2026, 11, 1, 3, 0, 0, DateTimeKind.Utc),
            LastUpdated = new DateTime(2026, 10, 1, 3, 0, 5, DateTimeKind.Utc),
        },
    };

    private sealed class FailingTimer : ITimerFunction
    {
        public const string FunctionName = "FailingTimer";

        public string Name => FunctionName;

        public string ScheduleSetting => "Test:FailingSchedule";

        public string DefaultSchedule => "0 0 0 * * *";

        public Task RunAsync(TimerInvocation invocation, CancellationToken cancellationToken) => throw new InvalidOperationException("broken on purpose");
    }
}
