using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OfficeFlow.Worker.Hosting;

namespace OfficeFlow.Worker.Health;

/// <summary>Health and the OpenAPI document, anonymous as in the standalone host.</summary>
public sealed class HealthFunctions(ApiDispatch api)
{
    [Function(nameof(Health)), AllowAnonymous]
    public Task<IActionResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(OpenApi)), AllowAnonymous]
    public Task<IActionResult> OpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) => api.RunAsync(request);
}
