using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Worker.Hosting;

namespace OfficeFlow.Worker.Contracts;

/// <summary>The Contracts capability's functions: thin adapters over OfficeFlow.Functions' ContractsApi (see <see cref="ApiDispatch"/>).</summary>
public sealed class ContractsFunctions(ApiDispatch api)
{
    [Function(nameof(ContractTemplatesList)), Authorize(Roles.Manager)]
    public Task<IActionResult> ContractTemplatesList([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "contract-templates")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(ContractsCreate)), Authorize(Roles.Manager)]
    public Task<IActionResult> ContractsCreate([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "contracts")] HttpRequest request) => api.RunAsync(request);
}
