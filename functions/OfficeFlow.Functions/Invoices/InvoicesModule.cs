namespace OfficeFlow.Functions.Invoices;

/// <summary>Registers the Invoices capability: its services and timers, and its HTTP functions under /api.</summary>
public static class InvoicesModule
{
    public static IServiceCollection AddInvoices(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static RouteGroupBuilder MapInvoicesApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
