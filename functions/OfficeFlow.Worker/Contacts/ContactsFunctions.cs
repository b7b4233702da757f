using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Worker.Hosting;

namespace OfficeFlow.Worker.Contacts;

/// <summary>The Contacts capability's functions: thin adapters over OfficeFlow.Functions' ContactsApi (see <see cref="ApiDispatch"/>).</summary>
public sealed class ContactsFunctions(ApiDispatch api, WorkerTimers timers)
{
    [Function(nameof(ContactsLogEmail)), Authorize(Roles.Manager)]
    public Task<IActionResult> ContactsLogEmail([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "contacts/log-email")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(ClientsSearch)), Authorize(Roles.AnyRole)]
    public Task<IActionResult> ClientsSearch([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(ClientsLookup)), Authorize(Roles.AnyRole)]
    public Task<IActionResult> ClientsLookup([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients/lookup")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(ClientsGet)), Authorize(Roles.AnyRole)]
    public Task<IActionResult> ClientsGet([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "clients/{id}")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(ClientsUpdate)), Authorize(Roles.Manager)]
    public Task<IActionResult> ClientsUpdate([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "clients/{id}")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(ClientsMerge)), Authorize(Roles.Manager)]
    public Task<IActionResult> ClientsMerge([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "clients/{id}/merge")] HttpRequest request) => api.RunAsync(request);

    /// <summary>Every 15 minutes (Contacts:MailboxSyncSchedule; the same expression in any time zone).</summary>
    [Function(nameof(MailboxSync))]
    public Task MailboxSync([TimerTrigger("%Contacts:MailboxSyncSchedule%")] TimerInfo timer, FunctionContext context) => timers.RunAsync(timer, context);
}
