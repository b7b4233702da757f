using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Worker.Hosting;

namespace OfficeFlow.Worker.Grades;

/// <summary>The Grades capability's functions: thin adapters over OfficeFlow.Functions' grades and task APIs (see <see cref="ApiDispatch"/>).</summary>
public sealed class GradesFunctions(ApiDispatch api, WorkerTimers timers)
{
    [Function(nameof(GradesGet)), Authorize(Roles.AnyRole)]
    public Task<IActionResult> GradesGet([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "grades/{month}")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(GradesWorkbook)), Authorize(Roles.Accountant)]
    public Task<IActionResult> GradesWorkbook([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "grades/{month}/workbook")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(GradesSheets)), Authorize(Roles.Accountant)]
    public Task<IActionResult> GradesSheets([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "grades/{month}/sheets")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(GradesTasks)), Authorize(Roles.Accountant)]
    public Task<IActionResult> GradesTasks([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "grades/{month}/tasks")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(TasksCatalog)), Authorize(Roles.AnyRole)]
    public Task<IActionResult> TasksCatalog([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tasks/catalog")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(MyMonth)), Authorize(Roles.AnyRole)]
    public Task<IActionResult> MyMonth([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/month")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(TasksCreate)), Authorize(Roles.Manager)]
    public Task<IActionResult> TasksCreate([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "tasks")] HttpRequest request) => api.RunAsync(request);

    [Function(nameof(TasksDelete)), Authorize(Roles.Manager)]
    public Task<IActionResult> TasksDelete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "tasks/{id}")] HttpRequest request) => api.RunAsync(request);

    /// <summary>06:00 Moscow time on the 1st: in Azure (Linux Flex Consumption, schedules in UTC) Grades:Schedule is 0 0 3 1 * *.</summary>
    [Function(nameof(MonthlyGrades))]
    public Task MonthlyGrades([TimerTrigger("%Grades:Schedule%")] TimerInfo timer, FunctionContext context) => timers.RunAsync(timer, context);
}
