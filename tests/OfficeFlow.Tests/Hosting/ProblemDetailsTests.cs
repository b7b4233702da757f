using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Health;
using OfficeFlow.Functions.Hosting;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Hosting;

public sealed class ProblemDetailsTests : IDisposable
{
    private const string Secret = "password=hunter2 at 10.0.0.5";

    // The health endpoint's probe cannot even be created: an unhandled exception inside a real endpoint.
    private readonly CapturedLogs _logs = new();

    private readonly OfficeFlowApiFactory _factory;

    public ProblemDetailsTests() => _factory = new OfficeFlowApiFactory().WithSettings(TestTokens.Settings).WithCapturedLogs(_logs).WithServices(s =>
    {
        s.RemoveAll<StorageProbe>();
        s.AddSingleton<StorageProbe>(_ => throw new InvalidOperationException(Secret));
    });

    public void Dispose() => _factory.Dispose();

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task UnhandledException_Answers500ProblemWithAGenericMessageAndTraceId_NeverTheExceptionText()
    {
        var client = _factory.CreateClient();

        var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var problem = await ProblemOf(response);
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.Equal(ErrorHandling.ServerErrorDetail, problem.GetProperty("detail").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("InvalidOperationException", text);
        Assert.DoesNotContain("StorageProbe", text);
        // Unexpected failures stay errors in the log, with the exception for whoever investigates.
        Assert.Contains(_logs.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error && l.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task UnknownRoute_Answers404ProblemPointingToTheApiDescription()
    {
        // Signed in: an anonymous caller gets 401 for any route that is not public (the auth module's fallback policy).
        var client = _factory.CreateClient().WithToken("u1", Roles.Manager);

        var response = await client.GetAsync("/api/no/such/thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ProblemOf(response);
        Assert.Contains("Адреса GET /api/no/such/thing в API нет", problem.GetProperty("detail").GetString());
        Assert.Contains("/api/openapi.json", problem.GetProperty("detail").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task UnknownRoute_Anonymous_Answers401Problem()
    {
        var response = await _factory.CreateClient().GetAsync("/api/no/such/thing");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await ProblemOf(response);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task WrongMethod_Answers405Problem()
    {
        var client = _factory.CreateClient().WithToken("u1", Roles.Manager);

        var response = await client.DeleteAsync("/api/openapi.json");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var problem = await ProblemOf(response);
        Assert.Contains("не принимает DELETE", problem.GetProperty("detail").GetString());
    }
}
