using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using OfficeFlow.Functions.Hosting;

namespace OfficeFlow.Worker.Hosting;

/// <summary>
/// Runs, for an HTTP function of the worker, the /api endpoint of the same name that the standalone host maps
/// (<see cref="OfficeFlowApp.MapOfficeFlowApi"/>): the same handler, parameter binding and typed results, behind the
/// same middleware as the standalone host: ProblemDetails for errors, the request's storage budget, CORS for the add-in's origins, and bearer
/// authentication and authorization by the Auth module (JwtBearer, role policies, 401/403 bodies). The policy is the
/// one the function declares (<c>[Authorize("manager")]</c>); a test proves it is the one the route declares.
/// </summary>
public sealed class ApiDispatch(IServiceProvider services)
{
    private readonly Lazy<IReadOnlyDictionary<string, RequestDelegate>> _pipelines = new(() => Build(services, WorkerFunctionList.Http));

    /// <summary>
    /// Runs the function's endpoint on the request's context: the endpoint's typed result is written to the response
    /// by the endpoint itself, so what is returned to the worker is an <see cref="EmptyResult"/>, which adds nothing.
    /// </summary>
    public async Task<IActionResult> RunAsync(HttpRequest request, [CallerMemberName] string function = "")
    {
        ArgumentNullException.ThrowIfNull(request);
        var pipeline = _pipelines.Value.TryGetValue(function, out var p)
            ? p
            : throw new InvalidOperationException($"'{function}' is not an HTTP function of the worker.");
        await pipeline(request.HttpContext);
        return new EmptyResult();
    }

    /// <summary>Maps the endpoints and builds every function's pipeline now (the worker does it at start-up).</summary>
    public void EnsureBuilt() => _ = _pipelines.Value;

    internal static IReadOnlyDictionary<string, RequestDelegate> Build(IServiceProvider services, IEnumerable<WorkerHttpFunction> functions)
    {
        var endpoints = ApiEndpoints(services);
        var pipelines = new Dictionary<string, RequestDelegate>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var function in functions)
        {
            if (endpoints.TryGetValue(function.Name, out var endpoint))
            {
                pipelines.Add(function.Name, Pipeline(services, endpoint, function));
            }
            else
            {
                missing.Add(function.Name);
            }
        }

        return missing.Count == 0
            ? pipelines
            : throw new InvalidOperationException($"The worker's functions {string.Join(", ", missing)} have no /api endpoint of the same name in OfficeFlow.Functions.");
    }

    /// <summary>The named /api endpoints, mapped through UseEndpoints so that the OpenAPI document sees them too.</summary>
    private static Dictionary<string, RouteEndpoint> ApiEndpoints(IServiceProvider services)
    {
        var app = new ApplicationBuilder(services);
        IEndpointRouteBuilder? routes = null;
        app.UseRouting();
        app.UseEndpoints(e =>
        {
            routes = e;
            e.MapOfficeFlowApi();
        });

        return routes!.DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .ToDictionary(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName, StringComparer.Ordinal);
    }

    private static RequestDelegate Pipeline(IServiceProvider services, RouteEndpoint endpoint, WorkerHttpFunction function)
    {
        // The endpoint as mapped, with the function's own authorization in place of the route's.
        var metadata = endpoint.Metadata
            .Where(m => m is not IAuthorizeData and not IAllowAnonymous and not AuthorizationPolicy)
            .Concat(function.AuthorizationMetadata);
        var run = new RouteEndpoint(endpoint.RequestDelegate!, endpoint.RoutePattern, endpoint.Order, new EndpointMetadataCollection(metadata), endpoint.DisplayName);
        var matcher = new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), new RouteValueDictionary());

        var app = new ApplicationBuilder(services);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The standalone host's storage budget, which the worker's pipeline would otherwise not have.
        app.UseMiddleware<StorageDeadlineMiddleware>();
        app.Use(next => context =>
        {
            // The host routed the request by the function's route, which is the endpoint's (a test proves it); the
            // endpoint's own pattern gives the handler its route values.
            var values = new RouteValueDictionary();
            if (!matcher.TryMatch(context.Request.Path, values))
            {
                throw new InvalidOperationException($"{context.Request.Path} does not match the route of the function {function.Name}.");
            }

            context.Request.RouteValues = values;
            context.SetEndpoint(run);
            return next(context);
        });
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.Run(run.RequestDelegate!);
        return app.Build();
    }
}
