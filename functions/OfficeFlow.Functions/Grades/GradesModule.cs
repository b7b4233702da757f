using Microsoft.Extensions.DependencyInjection.Extensions;
using OfficeFlow.Functions.Grades.Api;
using OfficeFlow.Functions.Grades.Ledger;
using OfficeFlow.Functions.Grades.Policy;
using OfficeFlow.Functions.Grades.Timer;
using OfficeFlow.Functions.Hosting;
using OfficeFlow.Functions.Hosting.Timers;

namespace OfficeFlow.Functions.Grades;

/// <summary>Registers the Grades capability: its services and timers, and its HTTP functions under /api.</summary>
public static class GradesModule
{
    public static IServiceCollection AddGrades(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Read when first needed (test hosts add their settings after this runs); GradesStartupCheck loads the
        // policies and the staff file at start-up, so a bad policy stops the app naming the bad entry.
        // The time zone is the app's one (HostingSettings: WEBSITE_TIME_ZONE, TZ, Europe/Moscow), never a Grades setting.
        services.AddSingleton(sp => GradesSettings.From(configuration, sp.GetRequiredService<HostingSettings>().TimeZone));
        services.AddSingleton(sp => PolicyLibrary.LoadFolder(sp.GetRequiredService<GradesSettings>().PolicyFolder));
        services.AddSingleton(sp => new GradesStaff(Staff.Load(sp.GetRequiredService<GradesSettings>().EmployeesFile)));
        services.AddHostedService<GradesStartupCheck>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<LedgerStore>();
        services.AddSingleton<ITaskRecorder, TableTaskRecorder>();
        // Volume and the invoice register come from the invoices capability (InvoicesReports, added by AddInvoices).
        services.AddSingleton<GradesInvoices>();
        // Client names for the Задачи sheet come from the contacts capability (AddContacts replaces this); without it ids stay ids.
        services.TryAddSingleton<IClientNames, NoClientNames>();
        services.AddSingleton<GradesService>();
        services.AddSingleton<MonthlyRunMarkers>();
        services.AddTimerFunction<MonthlyGradesFunction>();
        return services;
    }

    public static RouteGroupBuilder MapGradesApi(this RouteGroupBuilder api)
    {
        TaskCatalogApi.Map(api);
        TasksApi.Map(api);
        GradesApi.Map(api);
        MyMonthApi.Map(api);
        GradesSheetsApi.Map(api);
        return api;
    }
}
