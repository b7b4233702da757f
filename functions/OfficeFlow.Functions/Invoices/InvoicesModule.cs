using Microsoft.Extensions.DependencyInjection.Extensions;
using OfficeFlow.Functions.Invoices.Api;
using OfficeFlow.Functions.Invoices.Storage;

namespace OfficeFlow.Functions.Invoices;

/// <summary>Registers the Invoices capability: its services and timers, and its HTTP functions under /api.</summary>
public static class InvoicesModule
{
    public static IServiceCollection AddInvoices(this IServiceCollection services, IConfiguration configuration)
    {
        var options = InvoicesOptions.From(configuration);
        services.AddSingleton(options);
        services.AddProblemDetails();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<InvoiceStore>();
        services.AddSingleton<ClientSettingsStore>();
        services.AddSingleton<InvoiceService>();
        services.AddSingleton<InvoicesReports>();
        return services;
    }

    public static RouteGroupBuilder MapInvoicesApi(this RouteGroupBuilder api)
    {
        return api.MapInvoicesEndpoints();
    }
}
