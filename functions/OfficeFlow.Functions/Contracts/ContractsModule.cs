namespace OfficeFlow.Functions.Contracts;

/// <summary>Registers the Contracts capability: its services and timers, and its HTTP functions under /api.</summary>
public static class ContractsModule
{
    public static IServiceCollection AddContracts(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static RouteGroupBuilder MapContractsApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
