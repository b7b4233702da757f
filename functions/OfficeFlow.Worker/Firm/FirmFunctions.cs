using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Worker.Hosting;

namespace OfficeFlow.Worker.Firm;

/// <summary>The firm's requisites: thin adapters over OfficeFlow.Functions' FirmApi (see <see cref="ApiDispatch"/>).</summary>
public sealed class FirmFunctions(ApiDispatch api)
{
    [Function(nameof(FirmGet)), Authorize(Roles.AnyRole)]
    public Task<IActionResult> FirmGet([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "firm")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(FirmUpdate)), Authorize(Roles.Admin)]
    public Task<IActionResult> FirmUpdate([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "firm")] HttpRequest request) => api.RunAsync(request);
}
