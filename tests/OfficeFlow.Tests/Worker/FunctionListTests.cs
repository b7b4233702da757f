using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Hosting;
using OfficeFlow.Functions.Hosting.Catalog;
using OfficeFlow.Functions.Hosting.Timers;
using OfficeFlow.Worker.Hosting;

namespace OfficeFlow.Tests.Worker;

/// <summary>One list of functions: the worker's [Function]s and the standalone host's catalog are the same, both ways.</summary>
public sealed class FunctionListTests
{
    /// <summary>The standalone app as deployed (Production environment: Entra ID mode, so no development sign-in route).</summary>
    private static (IReadOnlyList<EndpointDataSource> Sources, IReadOnlyList<ITimerFunction> Timers, IConfiguration Configuration) Standalone()
    {
        var app = OfficeFlowApp.Build(["--environment", "Production"]);
        return (((IEndpointRouteBuilder)app).DataSources.ToArray(), app.Services.GetServices<ITimerFunction>().ToArray(), app.Configuration);
    }

    private static IReadOnlyList<string> Compare(FunctionCatalog catalog, IReadOnlyList<ITimerFunction> timers, IReadOnlyList<WorkerHttpFunction>? http = null) =>
        FunctionListComparison.Differences(
            catalog.HttpFunctions,
            catalog.TimerFunctions.Select(t => (t.Name, timers.Single(f => f.Name == t.Name).ScheduleSetting)).ToArray(),
            http ?? WorkerFunctionList.Http,
            WorkerFunctionList.Timers);

    [Fact]
    public void WorkerFunctions_AreTheStandaloneCatalog_BothWays()
    {
        var (sources, timers, configuration) = Standalone();
        var catalog = FunctionCatalog.Build(sources, timers, configuration);

        var differences = Compare(catalog, timers);

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        Assert.Equal(35, WorkerFunctionList.Http.Count);
        Assert.Equal(["InvoiceReminders", "MailboxSync", "MonthlyGrades"], WorkerFunctionList.Timers.Select(t => t.Name).ToArray());
    }

    [Fact]
    public void ARouteOnlyTheStandaloneHostHas_FailsTheComparison()
    {
        var (sources, timers, configuration) = Standalone();
        var extra = WebApplication.CreateSlimBuilder().Build();
        extra.MapGroup("/api").MapGet("/clients/{id}/history", () => "x").WithName("ClientsHistory").RequireAuthorization(Roles.Manager);
        var catalog = FunctionCatalog.Build([.. sources, .. ((IEndpointRouteBuilder)extra).DataSources], timers, configuration);

        var differences = Compare(catalog, timers);

        var difference = Assert.Single(differences);
        Assert.Equal("The HTTP function ClientsHistory (GET clients/{id}/history [manager]) is in the standalone host but not in the worker.", difference);
    }

    [Fact]
    public void AFunctionOnlyTheWorkerHas_FailsTheComparison()
    {
        var (sources, timers, configuration) = Standalone();
        var catalog = FunctionCatalog.Build(sources, timers, configuration);
        WorkerHttpFunction[] http = [.. WorkerFunctionList.Http, new("ClientsHistory", "clients/{id}/history", ["get"], [Roles.Manager], [])];

        var difference = Assert.Single(Compare(catalog, timers, http));

        Assert.Contains("ClientsHistory", difference);
        Assert.Contains("is in the worker but not in the standalone host", difference);
    }

    [Fact]
    public void AnotherRoleOrRouteOnOneSide_FailsTheComparison()
    {
        var (sources, timers, configuration) = Standalone();
        var catalog = FunctionCatalog.Build(sources, timers, configuration);
        var http = WorkerFunctionList.Http
            .Select(f => f.Name switch
            {
                "ClientsUpdate" => f with { Authorization = [Roles.Accountant] },
                "InvoicesAging" => f with { Route = "invoices/ageing" },
                _ => f,
            })
            .ToArray();

        var differences = Compare(catalog, timers, http);

        Assert.Equal(2, differences.Count);
        Assert.Contains(differences, d => d.Contains("ClientsUpdate is PUT clients/{id} [manager] in the standalone host but PUT clients/{id} [accountant] in the worker", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.Contains("InvoicesAging", StringComparison.Ordinal));
    }

    [Fact]
    public void Catalog_RefusesAnInlinePolicy_WhichAWorkerFunctionCouldNotDeclare()
    {
        var app = WebApplication.CreateSlimBuilder().Build();
        app.MapGroup("/api").MapGet("/x", () => "x").WithName("X").RequireAuthorization(p => p.RequireClaim("roles"));

        var error = Assert.Throws<InvalidOperationException>(() => FunctionCatalog.Build(((IEndpointRouteBuilder)app).DataSources, [], new ConfigurationBuilder().Build()));

        Assert.Contains("inline authorization policy", error.Message);
    }
}
