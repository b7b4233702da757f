using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OfficeFlow.Tests.Infrastructure;

/// <summary>One operation of the running app's openapi.json, with what its endpoint declares about authorization.</summary>
/// <param name="Policies">The policy names of its <see cref="IAuthorizeData"/> ("" for the default policy); empty when it declares none (the fallback policy applies).</param>
/// <param name="RequestSchema">The JSON schema of its request body (components resolved by the caller), when it takes one.</param>
public sealed record ApiRoute(string Method, string Template, string OperationId, bool Anonymous, IReadOnlyList<string> Policies, JsonElement? RequestSchema)
{
    /// <summary>The route with every path parameter filled with a plausible value.</summary>
    public string Path => ApiRoutes.Fill(Template);

    public bool TakesBody => Method is "POST" or "PUT" or "PATCH";

    public override string ToString() => $"{Method} {Template}";
}

/// <summary>
/// The app's routes as its own openapi.json lists them, joined with the endpoint metadata of the running app, so tests
/// that walk every route cover a route added later without being edited.
/// </summary>
public static partial class ApiRoutes
{
    public static async Task<(IReadOnlyList<ApiRoute> Routes, JsonElement Document)> ReadAsync(HttpClient client, IServiceProvider services)
    {
        var document = await client.GetFromJsonAsync<JsonElement>("/api/openapi.json");
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var routes = new List<ApiRoute>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = operation.Name.ToUpperInvariant();
                var endpoint = endpoints.SingleOrDefault(e => string.Equals(Template(e), path.Name, StringComparison.OrdinalIgnoreCase)
                    && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(method) == true)
                    ?? throw new InvalidOperationException($"openapi.json lists {method} {path.Name}, but the app has no such endpoint.");
                var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
                var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "").Distinct().ToList();
                JsonElement? schema = operation.Value.TryGetProperty("requestBody", out var body)
                    && body.TryGetProperty("content", out var content)
                    && content.TryGetProperty("application/json", out var json)
                    && json.TryGetProperty("schema", out var s) ? s : null;
                var id = operation.Value.TryGetProperty("operationId", out var op) ? op.GetString() ?? "" : "";
                routes.Add(new ApiRoute(method, path.Name, id, anonymous, policies, schema));
            }
        }

        return (routes, document);
    }

    /// <summary>The /api endpoints of the running app that are not in openapi.json, other than the document itself.</summary>
    public static IReadOnlyList<string> EndpointsMissingFrom(IReadOnlyList<ApiRoute> routes, IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Template: Template(e))))
            .Where(e => e.Template != "/api/openapi.json")
            .Where(e => !routes.Any(r => r.Method == e.Method && string.Equals(r.Template, e.Template, StringComparison.OrdinalIgnoreCase)))
            .Select(e => $"{e.Method} {e.Template}")
            .ToList();

    // "/api/invoices/" (a group's empty route) and "api/invoices" are both the document's "/api/invoices".
    private static string Template(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');

    /// <summary>Fills path parameters with values of the right form (an invoice id looks like 2026-0001), so a request
    /// gets past the route and the id checks to where authorization and storage matter; unknown names get "test-1".</summary>
    public static string Fill(string template) => Parameter().Replace(template, m => ValueFor(template, m.Groups[1].Value));

    /// <summary>The names of a template's path parameters, in order: "/api/invoices/{id}/payments/{paymentId}" → id, paymentId.</summary>
    public static IReadOnlyList<string> ParametersOf(string template) => [.. Parameter().Matches(template).Select(m => m.Groups[1].Value)];

    private static string ValueFor(string template, string name) => name switch
    {
        "id" when template.StartsWith("/api/invoices/", StringComparison.Ordinal) => "2026-0001",
        "id" when template.StartsWith("/api/clients/", StringComparison.Ordinal) => "cl0123456789abcdef",
        "id" when template.StartsWith("/api/tasks/", StringComparison.Ordinal) => "2026-11~m-0123456789abcdef",
        "paymentId" => "0123456789abcdef0123456789abcdef",
        "clientId" => "c1",
        "month" => "2026-11",
        _ => "test-1",
    };

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)(?::[^}]*)?\??\}")]
    private static partial Regex Parameter();
}
