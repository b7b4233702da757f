using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OfficeFlow.Functions.Firm;

/// <summary>Registers the firm's record (its store and the directory every document reads) and its HTTP functions.</summary>
public static class FirmModule
{
    public static IServiceCollection AddFirm(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FirmStore>();
        services.AddSingleton(sp => new FirmDirectory(sp.GetRequiredService<FirmStore>(), configuration, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
