using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Hosting;

/// <summary>
/// What a person sees when the app cannot read their request: a Russian title, the field's JSON path and what it should
/// hold — never .NET type or parameter names — and what the operator sees: a warning without a stack trace.
/// </summary>
public sealed class MalformedRequestTests : IDisposable
{
    private readonly CapturedLogs _logs = new();
    private readonly OfficeFlowApiFactory _factory;
    private readonly HttpClient _manager;

    public MalformedRequestTests()
    {
        _factory = new OfficeFlowApiFactory().WithSettings(TestTokens.Settings).WithSetting("Hosting:MaxRequestBodyBytes", "4096").WithCapturedLogs(_logs);
        _manager = _factory.CreateClient().WithToken("u1", Roles.Manager, Roles.Accountant);
    }

    public void Dispose() => _factory.Dispose();

    private Task<HttpResponseMessage> PostJson(string path, string json) =>
        _manager.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<(JsonElement Problem, string Text)> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        foreach (var internals in new[] { "Failed to", "parameter", "Request", "System.", "OfficeFlow.", "Exception", "Path:", "LineNumber" })
        {
            Assert.DoesNotContain(internals, text, StringComparison.Ordinal);
        }

        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Matches("[А-Яа-яЁё]", problem.GetProperty("title").GetString());
        Assert.Matches("[А-Яа-яЁё]", problem.GetProperty("detail").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        return (problem, text);
    }

    private static string Error(JsonElement problem, string field) =>
        string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));

    [Fact]
    public async Task WrongType_NamesTheFieldAndTheShapeItShouldHave()
    {
        var response = await PostJson("/api/contacts/log-email", """{"internetMessageId":"<a@b>","from":"ivan@romashka.ru","bodyText":"Добрый день"}""");

        var (problem, _) = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Поле from: ожидался объект {name, address}.", Error(problem, "from"));
    }

    [Fact]
    public async Task WrongTypeDeepInAList_IsKeyedByItsPath()
    {
        var response = await PostJson("/api/invoices", """{"clientId":"c1","clientName":"Ромашка","lines":[{"item":"a","quantity":1,"price":1},{"item":"b","quantity":{"x":1},"price":2}]}""");

        var (problem, _) = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith("Поле lines[1].quantity: ожидалось число", Error(problem, "lines[1].quantity"));
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("79228162514264337593543950336")]
    public async Task NumberThatOverflowsDecimal_Is400ForThatField(string number)
    {
        var response = await PostJson("/api/invoices", $$"""{"clientId":"c1","clientName":"Ромашка","lines":[{"item":"a","quantity":1,"price":{{number}}}]}""");

        var (problem, _) = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("ожидалось число", Error(problem, "lines[0].price"));
    }

    [Fact]
    public async Task MalformedJson_SaysWhereReadingStopped()
    {
        var response = await PostJson("/api/invoices", """{"clientId": "c1", "lines": [ {"item": oops} ]}""");

        var (problem, _) = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Тело запроса — не JSON", problem.GetProperty("title").GetString());
        Assert.Contains("строке 1", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UnknownEnumValue_IsAFieldError()
    {
        var response = await PostJson("/api/invoices", """{"clientId":"c1","clientName":"Ромашка","vatMode":"sometimes","lines":[{"item":"a","quantity":1,"price":1}]}""");

        var (problem, _) = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Режим НДС", Error(problem, "vatMode"));
    }

    [Fact]
    public async Task MissingBody_AsksForItAndDescribesIt()
    {
        var response = await _manager.PostAsync("/api/tasks", new StringContent("", Encoding.UTF8, "application/json"));

        var (problem, _) = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith("Передайте тело запроса: объект {taskCode, at,", Error(problem, "body"));
    }

    [Fact]
    public async Task QueryParameterOfTheWrongForm_NamesTheParameter()
    {
        var response = await _manager.GetAsync("/api/clients?search=ромаш&limit=many");

        var (problem, _) = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Параметр limit: ожидалось целое число, например 10.", Error(problem, "limit"));
    }

    [Fact]
    public async Task NotJson_Is415InRussian()
    {
        var response = await _manager.PostAsync("/api/invoices", new StringContent("clientId=c1", Encoding.UTF8, "text/plain"));

        var (problem, _) = await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("Content-Type: application/json", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task BodyOverTheLimit_Is413InRussian_WithOrWithoutContentLength()
    {
        var big = JsonSerializer.Serialize(new { clientId = "c1", clientName = new string('я', 5000) });

        var declared = await PostJson("/api/invoices", big);
        var streamed = await _manager.PostAsync("/api/invoices", new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(big))) { Headers = { ContentType = new("application/json") } });

        foreach (var response in new[] { declared, streamed })
        {
            var (problem, _) = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
            Assert.Contains("4 КБ", problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task MalformedRequest_IsLoggedAsAWarningWithoutAStackTrace()
    {
        await PostJson("/api/contacts/log-email", """{"from": 42}""");
        await PostJson("/api/invoices", "{ not json");

        var lines = _logs.Lines.Where(l => l.Level >= LogLevel.Warning).ToList();
        Assert.Equal(2, lines.Count(l => l.Level == LogLevel.Warning && l.Message.StartsWith("Malformed request", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.Level >= LogLevel.Error);
        Assert.All(lines, l => Assert.Null(l.Exception));
    }

    /// <summary>A body without a Content-Length (as a chunked upload): the limit must hold while reading.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
