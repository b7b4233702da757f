using Microsoft.Extensions.DependencyInjection.Extensions;
using OfficeFlow.Functions.Invoices.Api;
using OfficeFlow.Functions.Invoices.Documents;
using OfficeFlow.Functions.Hosting.Timers;
using OfficeFlow.Functions.Invoices.Reminders;
using OfficeFlow.Functions.Invoices.Storage;

namespace OfficeFlow.Functions.Invoices;

/// <summary>Registers the Invoices capability: its services and timers, and its HTTP functions under /api.</summary>
public static class InvoicesModule
{
    public static IServiceCollection AddInvoices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => InvoicesOptions.From(configuration));
        services.AddHostedService<InvoicesStartupCheck>();
        services.AddProblemDetails();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<InvoiceStore>();
        services.AddSingleton<ClientSettingsStore>();
        services.AddSingleton<InvoiceService>();
        services.AddSingleton<InvoicesReports>();
        services.AddSingleton<IClientInvoices, OpenInvoicesByClient>();
        services.AddSingleton<InvoiceDocuments>();
        services.AddSingleton<ReminderMarkerStore>();
        services.AddSingleton<ReminderRunner>();
        services.AddTimerFunction<InvoiceRemindersTimer>();
        return services;
    }

    public static RouteGroupBuilder MapInvoicesApi(this RouteGroupBuilder api)
    {
        return api.MapInvoicesEndpoints().MapInvoiceDocumentEndpoints();
    }
}
