using OfficeFlow.Functions.Addin;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Contacts;
using OfficeFlow.Functions.Contracts;
using OfficeFlow.Functions.Firm;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Graph;
using OfficeFlow.Functions.Health;
using OfficeFlow.Functions.Invoices;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Hosting;

/// <summary>
/// The composition root. Every capability plugs in here and only here: its services through
/// <c>AddXxx</c> (in <see cref="AddOfficeFlowCapabilities"/>), its HTTP functions through <c>MapXxxApi</c>
/// on the /api group (in <see cref="MapOfficeFlowApi"/>), its timers through
/// <c>services.AddTimerFunction&lt;T&gt;()</c> inside <c>AddXxx</c>. Both hosts use these two methods: the
/// standalone host (<see cref="Build"/>, local runs and tests) and the isolated worker (OfficeFlow.Worker, Azure).
/// </summary>
public static class OfficeFlowApp
{
    /// <summary>The standalone host: Kestrel on loopback, the app's own timer scheduler, the admin API, the add-in's files.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        builder.AddOfficeFlowHosting();
        builder.Services.AddOfficeFlowCapabilities(builder.Configuration);

        var app = builder.Build();
        // Before anything below resolves a service built from settings (the add-in's files, the timers of the catalog).
        Settings.SettingsValidation.ThrowIfInvalid(app.Services);
        app.UseOfficeFlowHosting();
        app.UseAddin();
        app.UseOfficeFlowAuth();
        app.UseOfficeFlowRateLimits();

        app.MapOfficeFlowApi();
        app.MapOfficeFlowHosting();
        app.BuildFunctionCatalog();
        return app;
    }

    /// <summary>Every service the capabilities and their handlers use, whichever host runs them.</summary>
    public static IServiceCollection AddOfficeFlowCapabilities(this IServiceCollection services, IConfiguration configuration, HostingMode mode = HostingMode.Standalone)
    {
        services.AddOfficeFlowCore(mode);
        services.AddTableStorage(configuration);
        services.AddOfficeFlowAuth(configuration);
        services.AddGraph(configuration);
        services.AddAddin(configuration);

        services.AddFirm(configuration);
        services.AddContacts(configuration);
        services.AddContracts(configuration);
        services.AddInvoices(configuration);
        services.AddGrades(configuration);
        return services;
    }

    /// <summary>Maps every HTTP function under /api (each named: the name is its Azure function name) and returns the group.</summary>
    public static RouteGroupBuilder MapOfficeFlowApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireCors(AddinCors.Policy);
        api.MapAuthApi();
        api.MapFirmApi();
        api.MapContactsApi();
        api.MapContractsApi();
        api.MapInvoicesApi();
        api.MapGradesApi();
        api.MapHealthApi();
        endpoints.MapOpenApi("/api/openapi.json").WithName("OpenApi").AllowAnonymous();
        return api;
    }
}
