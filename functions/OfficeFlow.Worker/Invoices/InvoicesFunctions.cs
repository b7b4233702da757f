using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Worker.Hosting;
using OfficeFlow.Functions.Invoices.Api;

namespace OfficeFlow.Worker.Invoices;

/// <summary>The Invoices capability's functions: thin adapters over OfficeFlow.Functions' InvoicesApi and InvoiceDocumentsApi (see <see cref="ApiDispatch"/>).</summary>
public sealed class InvoicesFunctions(ApiDispatch api, WorkerTimers timers)
{
    [Function(nameof(InvoicesCreate)), Authorize(Roles.Manager)]
    public Task<IActionResult> InvoicesCreate([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "invoices")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(InvoicesList)), Authorize(Roles.AnyRole)]
    public Task<IActionResult> InvoicesList([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "invoices")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(InvoicesAging)), Authorize(Roles.AnyRole)]
    public Task<IActionResult> InvoicesAging([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "invoices/aging")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(InvoicesGet)), Authorize(Roles.AnyRole)]
    public Task<IActionResult> InvoicesGet([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "invoices/{id}")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(InvoicesIssue)), Authorize(Roles.Manager)]
    public Task<IActionResult> InvoicesIssue([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "invoices/{id}/issue")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(InvoicesMarkSent)), Authorize(Roles.Manager)]
    public Task<IActionResult> InvoicesMarkSent([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "invoices/{id}/sent")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(InvoicesCancel)), Authorize(Roles.Manager)]
    public Task<IActionResult> InvoicesCancel([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "invoices/{id}/cancel")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(InvoicesAccept)), Authorize(Roles.Manager)]
    public Task<IActionResult> InvoicesAccept([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "invoices/{id}/accepted")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(InvoicesRemindersSet)), Authorize(Roles.Manager)]
    public Task<IActionResult> InvoicesRemindersSet([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "invoices/{id}/reminders")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(InvoicesClientRemindersSet)), Authorize(Roles.Manager)]
    public Task<IActionResult> InvoicesClientRemindersSet([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "invoices/clients/{clientId}/reminders")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(InvoicesPaymentsAdd)), Authorize(Roles.Accountant)]
    public Task<IActionResult> InvoicesPaymentsAdd([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "invoices/{id}/payments")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(InvoicesPaymentsCancel)), Authorize(Roles.Accountant)]
    public Task<IActionResult> InvoicesPaymentsCancel([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "invoices/{id}/payments/{paymentId}/cancel")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(InvoicesDocument)), Authorize(Roles.AnyRole)]
    public Task<IActionResult> InvoicesDocument([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "invoices/{id}/document")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(InvoicesReconciliation)), Authorize(Roles.AnyRole)]
    public Task<IActionResult> InvoicesReconciliation([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "invoices/reconciliation")] HttpRequest request) => api.RunAsync(request);

    /// <summary>Daily at 09:00 Moscow time: in Azure (Linux Flex Consumption, schedules in UTC) Invoices:ReminderSchedule is 0 0 6 * * *.</summary>
    [Function(nameof(InvoiceReminders))]
    public Task InvoiceReminders([TimerTrigger("%Invoices:ReminderSchedule%")] TimerInfo timer, FunctionContext context) => timers.RunAsync(timer, context);
}
