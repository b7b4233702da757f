using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OfficeFlow.Worker.Hosting;

namespace OfficeFlow.Worker.Auth;

/// <summary>The Auth module's functions (POST /api/dev/token exists only in Development mode, so never in Azure).</summary>
public sealed class AuthFunctions(ApiDispatch api)
{
    /// <summary>Any signed-in caller (the fallback policy).</summary>
    [Function(nameof(Me))]
    public Task<IActionResult> Me([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest request) => api.RunAsync(request);
}
