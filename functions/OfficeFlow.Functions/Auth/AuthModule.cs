using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OfficeFlow.Functions.Auth;

/// <summary>Bearer-token authentication (Entra ID in production, a local signing key in development) and one policy per role.</summary>
public static class AuthModule
{
    public static IServiceCollection AddOfficeFlowAuth(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Read lazily: test hosts add their settings after this method runs. AuthStartupCheck loads them at start-up,
        // so a wrong setting stops the app with a message naming it instead of failing every request.
        services.AddSingleton(sp => AuthSettings.Load(configuration, sp.GetRequiredService<IHostEnvironment>()));
        services.AddHostedService<AuthStartupCheck>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, ConfigureJwtBearer>();

        services.AddAuthorization();
        services.AddOptions<AuthorizationOptions>().Configure<AuthSettings>((options, settings) => RolePolicies.Add(options, settings.Scope));
        services.AddSingleton<IAuthorizationHandler, RoleRequirementHandler>();
        services.AddSingleton<IAuthorizationHandler, ApiAccessRequirementHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return services;
    }

    /// <summary>Maps GET /api/me: the caller's user id, name and roles (the add-in uses it).</summary>
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", MeEndpoint.Get)
            .WithName("Me")
            .WithSummary("The signed-in caller: user id, display name and roles.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    public static WebApplication UseOfficeFlowAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
