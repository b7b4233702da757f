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

    /// <summary>Maps GET /api/me (the caller's user id, name and roles; the add-in uses it) and, in Development mode only,
    /// POST /api/dev/token (the add-in's development sign-in).</summary>
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", MeEndpoint.Get)
            .WithName("Me")
            .WithSummary("The signed-in caller: user id, display name and roles.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        // Decided when the routes are mapped: in Entra ID mode the route does not exist at all (404, absent from
        // openapi.json and from the deployed function list), rather than existing and refusing.
        var services = ((IEndpointRouteBuilder)api).ServiceProvider;
        if (AuthSettings.ModeOf(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>()) == AuthMode.Development)
        {
            api.MapPost("/dev/token", DevSignInEndpoint.Post)
                .WithName("DevToken")
                .WithSummary("Development mode only: a development token for the given user, name and roles (what officeflow dev-token prints).")
                .AllowAnonymous();
        }

        return api;
    }

    public static WebApplication UseOfficeFlowAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
