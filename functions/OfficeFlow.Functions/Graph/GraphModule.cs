namespace OfficeFlow.Functions.Graph;

/// <summary>Registers Microsoft Graph (when configured) or the local-folder stand-ins for mail and documents.</summary>
public static class GraphModule
{
    public static IServiceCollection AddGraph(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
