using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace OfficeFlow.Functions.Hosting;

/// <summary>
/// Every error leaves as RFC 7807 ProblemDetails with a traceId: unhandled exceptions become a 500
/// with a generic, actionable message (the exception goes to the log, never to the client);
/// empty 4xx answers (unknown route, wrong method, 401/403) get a body through status-code pages.
/// </summary>
public static class ErrorHandling
{
    public const string ServerErrorDetail =
        "Something went wrong on our side and the request was not completed. Try again in a minute; if it keeps failing, send the traceId to your administrator.";

    public static IServiceCollection AddOfficeFlowProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = Customize);
        services.Configure<ExceptionHandlerOptions>(options =>
            options.StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
        return services;
    }

    public static WebApplication UseOfficeFlowErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    private static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
        problem.Instance ??= http.Request.Path;

        if (context.Exception is BadHttpRequestException bad)
        {
            // The framework's own message about the request (e.g. a body that is not JSON) is about the
            // caller's input and tells them what to fix; it carries no server internals.
            problem.Title = "The request is not valid.";
            problem.Detail = bad.Message;
            return;
        }

        switch (problem.Status)
        {
            case >= 500 when problem.Detail is null || context.Exception is not null:
                problem.Title = "The server could not complete the request.";
                problem.Detail = ServerErrorDetail;
                break;
            case StatusCodes.Status404NotFound when http.GetEndpoint() is null:
                problem.Detail ??= $"There is no endpoint at {http.Request.Method} {http.Request.Path}. The API is described at /api/openapi.json.";
                break;
            case StatusCodes.Status405MethodNotAllowed:
                problem.Detail ??= $"{http.Request.Path} does not accept {http.Request.Method}. The API is described at /api/openapi.json.";
                break;
            case StatusCodes.Status401Unauthorized:
                problem.Detail ??= "Sign in: send a valid bearer token in the Authorization header.";
                break;
            case StatusCodes.Status403Forbidden:
                problem.Detail ??= "Your account does not have the role this action needs; ask an administrator.";
                break;
        }
    }
}
