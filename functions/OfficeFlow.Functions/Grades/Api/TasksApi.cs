using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Grades.Computation;
using OfficeFlow.Functions.Grades.Ledger;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Grades.Api;

/// <summary>POST /api/tasks and DELETE /api/tasks/{id}: a manager's manual ledger entries.</summary>
public static class TasksApi
{
    private const int MaxNote = 500;
    private const int MaxClientName = 200;
    private const int MaxMinutes = 12 * 60;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/tasks", Create)
            .WithName("TasksCreate")
            .WithSummary("Log a task from the catalog done by hand (idempotent by requestId or the Idempotency-Key header).")
            .RequireAuthorization(Roles.Manager);
        api.MapDelete("/tasks/{id}", Delete)
            .WithName("TasksDelete")
            .WithSummary("Delete one's own manual entry of the open month.")
            .RequireAuthorization(Roles.Manager);
    }

    public static async Task<Results<Created<TaskEntryResponse>, Ok<TaskEntryResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateTaskRequest request, HttpContext http, GradesService grades, LedgerStore ledger,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var open = grades.OpenMonth;
        var policy = grades.PolicyFor(open);
        var now = grades.Time.GetUtcNow();
        var at = request.At ?? now;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.TaskCode) || request.TaskCode.Length > 20 || policy.FindTask(request.TaskCode) is null)
        {
            errors["taskCode"] = [$"Задачи с кодом «{Hosting.Echo.Short(request.TaskCode, 20)}» нет в каталоге (политика {policy.Version}). Выберите задачу из каталога, например 2.6."];
        }

        if (GradesMonth.Of(at, grades.Settings.Zone) != open || at > now.AddMinutes(5))
        {
            errors["at"] = [$"Время задачи должно быть в текущем месяце ({open}) и не в будущем."];
        }

        if (request.Minutes is < 1 or > MaxMinutes)
        {
            errors["minutes"] = [$"Минуты — от 1 до {MaxMinutes}."];
        }

        if (request.Note?.Length > MaxNote)
        {
            errors["note"] = [$"Примечание длиннее {MaxNote} символов."];
        }

        if (request.ClientName?.Length > MaxClientName)
        {
            errors["clientName"] = [$"Название клиента длиннее {MaxClientName} символов."];
        }

        if (request.ClientId is not null && !Hosting.InputLimits.IsSafeId(request.ClientId, Hosting.InputLimits.ClientId))
        {
            errors["clientId"] = [$"Id клиента — до {Hosting.InputLimits.ClientId} символов, без / \\ # ?."];
        }

        if (!Hosting.InputLimits.Fits(request.RequestId, Hosting.InputLimits.Id) || !Hosting.InputLimits.Fits(idempotencyKey, 200))
        {
            errors["requestId"] = [$"requestId — до {Hosting.InputLimits.Id} символов, заголовок Idempotency-Key — до 200."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Задача не записана");
        }

        var requestId = request.RequestId ?? idempotencyKey ?? Guid.NewGuid().ToString("N");
        var entity = new LedgerEntity
        {
            PartitionKey = open.ToString(),
            RowKey = LedgerIds.ManualRowKey(user.Id, requestId),
            EmployeeId = user.Id,
            At = at,
            TaskCode = request.TaskCode!,
            Source = LedgerSource.Manual,
            ClientId = request.ClientId,
            ClientName = request.ClientName,
            Minutes = request.Minutes,
            Note = request.Note,
        };
        if (await ledger.AddManualAsync(entity, cancellationToken) == LedgerAddOutcome.AlreadyRecorded)
        {
            var existing = await ledger.GetAsync(open, entity.RowKey, cancellationToken);
            return existing is null ? GradesProblems.NotFound() : TypedResults.Ok(TaskEntryResponse.From(existing, policy));
        }

        return TypedResults.Created($"/api/tasks/{entity.Id}", TaskEntryResponse.From(entity, policy));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, HttpContext http, GradesService grades, LedgerStore ledger, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        if (!LedgerIds.TryParse(id, out var month, out var rowKey))
        {
            return GradesProblems.NotFound();
        }

        var entity = await ledger.GetAsync(month, rowKey, cancellationToken);
        if (entity is null)
        {
            return GradesProblems.NotFound();
        }

        if (entity.EmployeeId != user.Id)
        {
            return GradesProblems.Forbidden("Удалять можно только свои записи.");
        }

        if (entity.Source != LedgerSource.Manual)
        {
            return GradesProblems.Conflict("Автоматические записи (контакт, договор, счёт, напоминание) удалить нельзя: они отражают сделанное в OfficeFlow.");
        }

        if (month != grades.OpenMonth)
        {
            return GradesProblems.Conflict($"Месяц {month} закрыт: удалять можно только записи текущего месяца.");
        }

        return await ledger.DeleteAsync(entity, cancellationToken) == TableWriteStatus.Conflict
            ? GradesProblems.Conflict("Запись изменилась, пока вы её удаляли. Обновите список и попробуйте снова.")
            : TypedResults.NoContent();
    }
}
