using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OfficeFlow.Tests.Infrastructure;

/// <summary>
/// A loopback HTTP server (Kestrel on 127.0.0.1, a free port) that plays Microsoft Graph, or any other HTTP
/// service, for tests. Program it per route with <see cref="On"/>; route templates match one path segment per
/// <c>{name}</c> (e.g. <c>/v1.0/users/{id}/sendMail</c>) and several per <c>{*name}</c>, compared on the decoded
/// path; a function call's "()" is optional on either side (<c>.../messages/delta</c> matches the SDK's <c>delta()</c>). Every request is recorded
/// in <see cref="Requests"/>; <see cref="ThrottleOnce"/> makes the next matching request answer 429 with Retry-After.
/// Requests without a route answer 404 with a Graph-style error (and are recorded, so a test can see them).
/// </summary>
public sealed class GraphStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<StubRequest> _requests = new();
    private readonly List<StubRoute> _routes = [];
    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private GraphStub(WebApplication app) => _app = app;

    /// <summary>The stub's root, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string Origin { get; private set; } = "";

    /// <summary>The Graph base URL to configure (<c>Graph:BaseUrl</c>): <see cref="Origin"/> + "/v1.0".</summary>
    public string BaseUrl => Origin + "/v1.0";

    public IReadOnlyList<StubRequest> Requests => [.. _requests];

    public static async Task<GraphStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Limits.MaxRequestBodySize = 64 * 1024 * 1024).UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new GraphStub(app);
        app.Run(stub.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub.Origin = address.TrimEnd('/');
        return stub;
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="template"/> with <paramref name="handler"/>; later registrations win.</summary>
    public GraphStub On(string method, string template, Func<StubContext, Task> handler)
    {
        lock (_lock)
        {
            _routes.Insert(0, new StubRoute(method, template, handler));
        }

        return this;
    }

    /// <summary>Answers with a fixed status and JSON body (an object is serialized; a string is sent as is).</summary>
    public GraphStub OnJson(string method, string template, int status, object? body = null) =>
        On(method, template, c => c.JsonAsync(status, body));

    /// <summary>The next <paramref name="times"/> requests matching the route answer 429 with <c>Retry-After</c>.</summary>
    public GraphStub ThrottleOnce(string method, string template, int retryAfterSeconds = 1, int times = 1)
    {
        lock (_lock)
        {
            _routes.Insert(0, new StubRoute(method, template, c =>
            {
                c.Http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return c.JsonAsync(429, new { error = new { code = "TooManyRequests", message = "Throttled by the test stub." } });
            }) { RemainingUses = times });
        }

        return this;
    }

    /// <summary>The recorded requests for one method and route template, in arrival order.</summary>
    public IReadOnlyList<StubRequest> RequestsTo(string method, string template) =>
        Requests.Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase) && StubRoute.Matches(template, r.Path, out _)).ToArray();

    private async Task HandleAsync(HttpContext http)
    {
        var arrived = _clock.Elapsed;
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var path = http.Request.Path.Value ?? "/";

        StubRoute? route = null;
        IReadOnlyDictionary<string, string> values = new Dictionary<string, string>();
        lock (_lock)
        {
            foreach (var candidate in _routes)
            {
                if (candidate.RemainingUses == 0
                    || !string.Equals(candidate.Method, http.Request.Method, StringComparison.OrdinalIgnoreCase)
                    || !StubRoute.Matches(candidate.Template, path, out values))
                {
                    continue;
                }

                if (candidate.RemainingUses > 0)
                {
                    candidate.RemainingUses--;
                }

                route = candidate;
                break;
            }
        }

        var context = new StubContext(http, body, values);
        if (route is null)
        {
            await context.JsonAsync(404, new { error = new { code = "itemNotFound", message = $"The test stub has no route for {http.Request.Method} {path}." } });
        }
        else
        {
            await route.Handler(context);
        }

        _requests.Enqueue(new StubRequest(
            http.Request.Method,
            path,
            http.Request.QueryString.Value ?? "",
            body,
            http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            http.Response.StatusCode,
            arrived));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One recorded request: what arrived, what the stub answered, and when it arrived (time since the stub started).</summary>
public sealed record StubRequest(
    string Method,
    string Path,
    string Query,
    byte[] Body,
    IReadOnlyDictionary<string, string> Headers,
    int Status,
    TimeSpan At)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public JsonElement Json() => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>What a route handler gets: the live HTTP context, the request body already read, and the template's values.</summary>
public sealed class StubContext(HttpContext http, byte[] body, IReadOnlyDictionary<string, string> routeValues)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public HttpContext Http { get; } = http;
    public byte[] Body { get; } = body;
    public string BodyText => Encoding.UTF8.GetString(Body);
    public IReadOnlyDictionary<string, string> RouteValues { get; } = routeValues;

    public async Task JsonAsync(int status, object? body)
    {
        Http.Response.StatusCode = status;
        if (body is null)
        {
            return;
        }

        Http.Response.ContentType = "application/json";
        await Http.Response.WriteAsync(body as string ?? JsonSerializer.Serialize(body, Web));
    }
}

internal sealed class StubRoute(string method, string template, Func<StubContext, Task> handler)
{
    public string Method { get; } = method;
    public string Template { get; } = template;
    public Func<StubContext, Task> Handler { get; } = handler;

    /// <summary>-1 for a permanent route, otherwise how many more requests it answers.</summary>
    public int RemainingUses { get; set; } = -1;

    public static bool Matches(string template, string path, out IReadOnlyDictionary<string, string> values)
    {
        var match = Patterns.GetOrAdd(WithoutCallParentheses(template), Compile).Match(WithoutCallParentheses(path.TrimEnd('/')));
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        values = result;
        if (!match.Success)
        {
            return false;
        }

        foreach (var group in match.Groups.Values.Where(g => g.Name.Any(char.IsLetter)))
        {
            result[group.Name] = group.Value;
        }

        return true;
    }

    // The SDK calls Graph functions as "delta()", people write "delta": both match either way.
    private static string WithoutCallParentheses(string path) => Regex.Replace(path, @"\(\)(?=/|$)", "");

    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    // "{name}" matches one path segment, "{*name}" one or more (e.g. a drive path: root:/{*path}:/content).
    private static Regex Compile(string template)
    {
        var pattern = Regex.Replace(Regex.Escape(template.TrimEnd('/')), @"\\\{((?:\\\*)?)(\w+)\}", m =>
            m.Groups[1].Value.Length > 0 ? $"(?<{m.Groups[2].Value}>.+?)" : $"(?<{m.Groups[2].Value}>[^/]+)");
        return new Regex("^" + pattern + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
