using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Contracts;
using OfficeFlow.Functions.Hosting;

namespace OfficeFlow.Tests.Contracts;

public class ContractsModuleTests
{
    [Fact]
    public async Task App_ResolvesTheContractServiceAndMapsBothFunctions()
    {
        await using var app = OfficeFlowApp.Build([], builder => builder.Configuration["Firm:name"] = "ООО «Бухсофт-Сервис»");

        using var scope = app.Services.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<ContractService>());
        var names = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints)
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName).ToList();
        Assert.Contains("ContractTemplatesList", names);
        Assert.Contains("ContractsCreate", names);
        Assert.Contains("FirmGet", names);
        Assert.Contains("FirmUpdate", names);
    }
}
