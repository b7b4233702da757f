using Microsoft.AspNetCore.Authorization;

namespace OfficeFlow.Functions.Auth;

/// <summary>
/// One policy per role, named like the role. Admin passes every role policy: an administrator can do
/// what managers and accountants do without holding three roles. Every policy, the default and the
/// fallback also require <see cref="ApiAccessRequirement"/>.
/// </summary>
internal static class RolePolicies
{
    public static void Add(AuthorizationOptions options, string scope)
    {
        var apiAccess = new ApiAccessRequirement(scope);
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(apiAccess).Build();

        // Fallback: every endpoint not marked AllowAnonymous needs a valid token, even if it forgot RequireAuthorization.
        options.FallbackPolicy = signedIn;
        options.DefaultPolicy = signedIn;
        foreach (var role in Roles.All)
        {
            options.AddPolicy(role, policy => policy.RequireAuthenticatedUser().AddRequirements(apiAccess, new RoleRequirement([role])));
        }

        options.AddPolicy(Roles.AnyRole, policy => policy.RequireAuthenticatedUser().AddRequirements(apiAccess, new RoleRequirement(Roles.All)));
    }
}

/// <summary>The caller holds one of <see cref="Roles"/>, or admin.</summary>
internal sealed record RoleRequirement(IReadOnlyList<string> Roles) : IAuthorizationRequirement
{
    public string Describe() => Roles.Count == 1 ? $"роль «{Roles[0]}»" : "одна из ролей " + string.Join(", ", Roles.Select(r => $"«{r}»"));
}

/// <summary>
/// A delegated (user) token must carry the API's scope in "scp"; an app-only token (no "scp") must carry at
/// least one app role. This is how Entra ID separates "the add-in acting for a user" from "a daemon with roles".
/// </summary>
internal sealed record ApiAccessRequirement(string Scope) : IAuthorizationRequirement;

internal sealed class RoleRequirementHandler : AuthorizationHandler<RoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        var roles = context.User.FindAll(CurrentUser.RoleClaim).Select(c => c.Value).ToArray();
        if (requirement.Roles.Any(r => roles.Contains(r, StringComparer.OrdinalIgnoreCase)) || roles.Contains(Roles.Admin, StringComparer.OrdinalIgnoreCase))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this,
                $"Для этого нужна {requirement.Describe()}, а у вашей учётной записи {Describe(roles)}. " +
                "Попросите администратора OfficeFlow назначить вам роль (Entra ID: Корпоративные приложения → OfficeFlow API → Пользователи и группы) и войдите снова."));
        }

        return Task.CompletedTask;
    }

    // The caller's own roles are echoed shortened: a token may carry any text there.
    private static string Describe(IReadOnlyList<string> roles) =>
        roles.Count == 0 ? "нет ни одной роли" : "только " + string.Join(", ", roles.Take(5).Select(r => $"«{Hosting.Echo.Short(r, 32)}»"));
}

internal sealed class ApiAccessRequirementHandler : AuthorizationHandler<ApiAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiAccessRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        var scopes = context.User.FindAll("scp").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var hasRoles = context.User.FindAll(CurrentUser.RoleClaim).Any();
        if (scopes.Length == 0 ? hasRoles : scopes.Contains(requirement.Scope, StringComparer.Ordinal))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        context.Fail(new AuthorizationFailureReason(this, scopes.Length == 0
            ? "Токен приложения не несёт ни одной роли OfficeFlow API: назначьте вызывающему приложению одну из ролей API."
            : $"Токен выдан не для работы с этим API: клиент должен запросить разрешение «{requirement.Scope}» OfficeFlow API."));
        return Task.CompletedTask;
    }
}
