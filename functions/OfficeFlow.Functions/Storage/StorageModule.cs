using OfficeFlow.Storage;

namespace OfficeFlow.Functions.Storage;

/// <summary>Registers the Table Storage client from configuration (Storage:ConnectionString, or Storage:TableEndpoint with managed identity).</summary>
public static class StorageModule
{
    public static IServiceCollection AddTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ =>
        {
            var connectionString = configuration["Storage:ConnectionString"] ?? "UseDevelopmentStorage=true";
            return new TableServiceClient(connectionString);
        });
        services.AddSingleton(sp => new TableStore(sp.GetRequiredService<TableServiceClient>(), configuration["Storage:TablePrefix"]));
        return services;
    }
}
