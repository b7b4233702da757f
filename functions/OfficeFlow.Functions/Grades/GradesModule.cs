namespace OfficeFlow.Functions.Grades;

/// <summary>Registers the Grades capability: its services and timers, and its HTTP functions under /api.</summary>
public static class GradesModule
{
    public static IServiceCollection AddGrades(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static RouteGroupBuilder MapGradesApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
