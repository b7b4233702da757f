using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace OfficeFlow.Functions.Auth;

/// <summary>
/// Lets the bearer handler answer 401/403 as usual (status and <c>WWW-Authenticate</c>), then adds a
/// ProblemDetails body saying what to do. Everything else goes to the default handler.
/// </summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            // The handler caches its result per request, so this re-reads why authentication failed, without re-validating.
            var authentication = await context.AuthenticateAsync();
            await ForEachScheme(policy, scheme => context.ChallengeAsync(scheme));
            await WriteAsync(context, StatusCodes.Status401Unauthorized, AuthProblems.ForUnauthenticated(authentication));
            return;
        }

        if (authorizeResult.Forbidden)
        {
            await ForEachScheme(policy, scheme => context.ForbidAsync(scheme));
            await WriteAsync(context, StatusCodes.Status403Forbidden, AuthProblems.ForForbidden(authorizeResult.AuthorizationFailure));
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private static async Task ForEachScheme(AuthorizationPolicy policy, Func<string?, Task> action)
    {
        if (policy.AuthenticationSchemes.Count == 0)
        {
            await action(null);
            return;
        }

        foreach (var scheme in policy.AuthenticationSchemes)
        {
            await action(scheme);
        }
    }

    private static Task WriteAsync(HttpContext context, int status, AuthProblems.Problem problem)
    {
        var result = TypedResults.Problem(
            detail: problem.Detail,
            statusCode: status,
            title: problem.Title,
            type: status == StatusCodes.Status401Unauthorized
                ? "https://www.rfc-editor.org/rfc/rfc9110#name-401-unauthorized"
                : "https://www.rfc-editor.org/rfc/rfc9110#name-403-forbidden",
            extensions: new Dictionary<string, object?> { ["code"] = problem.Code });
        return result.ExecuteAsync(context);
    }
}
