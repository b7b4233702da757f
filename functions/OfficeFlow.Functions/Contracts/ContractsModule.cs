using Microsoft.Extensions.DependencyInjection.Extensions;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Contracts.Storage;
using OfficeFlow.Functions.Contracts.Templating;

namespace OfficeFlow.Functions.Contracts;

/// <summary>Registers the Contracts capability: its services and timers, and its HTTP functions under /api.</summary>
public static class ContractsModule
{
    public static IServiceCollection AddContracts(this IServiceCollection services, IConfiguration configuration)
    {
        // Read when first needed (test hosts add settings after registration); SettingsStartupCheck reads it at start-up.
        services.AddSingleton(_ => ContractsOptions.From(configuration));
        services.AddSingleton(sp => new TemplateCache());
        services.AddSingleton<ContractTemplateCatalog>();
        services.AddSingleton<ContractNumberSequence>();
        services.AddSingleton<ContractStore>();
        services.AddScoped<ContractService>();
        services.AddSingleton<IClientContracts, ContractsByClient>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    public static RouteGroupBuilder MapContractsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/contract-templates", ContractsApi.ListTemplates)
            .WithName("ContractTemplatesList")
            .RequireAuthorization(Roles.Manager);
        api.MapPost("/contracts", ContractsApi.Create)
            .WithName("ContractsCreate")
            .RequireAuthorization(Roles.Manager);
        return api;
    }
}
