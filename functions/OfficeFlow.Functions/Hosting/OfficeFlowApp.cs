using OfficeFlow.Functions.Addin;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Contacts;
using OfficeFlow.Functions.Contracts;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Graph;
using OfficeFlow.Functions.Invoices;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Hosting;

/// <summary>
/// The composition root. Every capability plugs in here and only here: its services through
/// <c>AddXxx</c>, its HTTP functions through <c>MapXxxApi</c> on the /api group, its timers
/// through <c>services.AddTimerFunction&lt;T&gt;()</c> inside <c>AddXxx</c>. The function catalog
/// (the list emit-functions deploys) is read from what is mapped here, and checked before start.
/// </summary>
public static class OfficeFlowApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        builder.AddOfficeFlowHosting();
        builder.Services.AddTableStorage(builder.Configuration);
        builder.Services.AddOfficeFlowAuth(builder.Configuration);
        builder.Services.AddGraph(builder.Configuration);
        builder.Services.AddAddin(builder.Configuration);

        builder.Services.AddContacts(builder.Configuration);
        builder.Services.AddContracts(builder.Configuration);
        builder.Services.AddInvoices(builder.Configuration);
        builder.Services.AddGrades(builder.Configuration);

        var app = builder.Build();
        app.UseOfficeFlowHosting();
        app.UseAddin();
        app.UseOfficeFlowAuth();
        app.UseOfficeFlowRateLimits();

        var api = app.MapGroup("/api").RequireCors(AddinCors.Policy);
        api.MapAuthApi();
        api.MapContactsApi();
        api.MapContractsApi();
        api.MapInvoicesApi();
        api.MapGradesApi();

        app.MapOfficeFlowHosting(api);
        app.BuildFunctionCatalog();
        return app;
    }
}
