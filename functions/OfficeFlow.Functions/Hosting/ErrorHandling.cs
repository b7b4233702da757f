using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;
using OfficeFlow.Functions.Hosting.Errors;

namespace OfficeFlow.Functions.Hosting;

/// <summary>
/// Every error leaves as RFC 7807 ProblemDetails with a traceId and a Russian title and detail: unhandled exceptions
/// become a 500 with a generic message (the exception goes to the log, never to the client), except that Table Storage
/// not answering is a 503 with Retry-After (<see cref="StorageOutage"/>), within the request's storage budget
/// (<see cref="StorageDeadlineMiddleware"/>); requests the app cannot
/// read get 400/413/415 naming the field (<see cref="MalformedRequestMiddleware"/>); empty 4xx answers (unknown route,
/// wrong method, 401/403) get a body through status-code pages.
/// </summary>
public static class ErrorHandling
{
    public const string ServerErrorDetail =
        "На нашей стороне что-то пошло не так, и запрос не выполнен. Повторите через минуту; если ошибка повторяется, передайте администратору traceId.";

    public static IServiceCollection AddOfficeFlowProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = Customize);
        services.Configure<ExceptionHandlerOptions>(options =>
            options.StatusCodeSelector = e => e switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                _ when StorageOutage.Is(e) => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            });
        // Throw instead of answering an empty 400, in every environment, so MalformedRequestMiddleware can say which field is wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseOfficeFlowErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<StorageDeadlineMiddleware>();
        app.UseMiddleware<MalformedRequestMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        return app;
    }

    private static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
        problem.Instance ??= Echo.Short(http.Request.Path, 200);

        if (context.Exception is BadHttpRequestException)
        {
            // Normally answered by MalformedRequestMiddleware; this is the net for one thrown outside it. Never the framework's text.
            problem.Title = "Запрос не разобран";
            problem.Detail = "Запрос не удалось разобрать: проверьте, что тело — JSON-объект, а параметры адреса заданы в нужном виде (см. /api/openapi.json).";
            return;
        }

        if (StorageOutage.Is(context.Exception))
        {
            // Table Storage did not answer: not a bug, a moment to wait (the client's retries are spent by now).
            problem.Title = StorageOutage.Title;
            problem.Detail = StorageOutage.DetailFor(context.Exception);
            problem.Extensions["code"] = "storage_unavailable";
            http.Response.Headers.RetryAfter = StorageOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return;
        }

        // Titles the framework filled in ("Not Found", "Forbidden"…) are replaced; a capability's own title stays.
        var status = problem.Status ?? http.Response.StatusCode;
        var frameworkTitle = problem.Title is null || problem.Title == ReasonPhrases.GetReasonPhrase(status) || problem.Title.StartsWith("An error occurred", StringComparison.Ordinal);
        var (title, detail) = status switch
        {
            >= 500 => ("Сервер не смог выполнить запрос", ServerErrorDetail),
            StatusCodes.Status404NotFound when http.GetEndpoint() is null =>
                ("Адрес не найден", $"Адреса {http.Request.Method} {Echo.Short(http.Request.Path, 200)} в API нет. Все методы API описаны в /api/openapi.json."),
            StatusCodes.Status404NotFound => ("Не найдено", "Запрошенной записи нет: возможно, её удалили или в адресе опечатка."),
            StatusCodes.Status405MethodNotAllowed =>
                ("Метод не поддерживается", $"{Echo.Short(http.Request.Path, 200)} не принимает {http.Request.Method}. Все методы API описаны в /api/openapi.json."),
            StatusCodes.Status401Unauthorized => ("Нужно войти", "Войдите: передайте действующий токен в заголовке Authorization: Bearer."),
            StatusCodes.Status403Forbidden => ("Доступ запрещён", "Вашей учётной записи не назначена роль, нужная для этого действия: обратитесь к администратору OfficeFlow."),
            StatusCodes.Status413PayloadTooLarge => ("Запрос слишком большой", "Тело запроса больше допустимого: сократите тексты или отправьте данные частями."),
            StatusCodes.Status415UnsupportedMediaType => ("Тело запроса — не JSON", "Отправьте тело запроса в формате JSON с заголовком Content-Type: application/json."),
            StatusCodes.Status429TooManyRequests => ("Слишком много запросов", "Слишком много изменений подряд: подождите и повторите."),
            _ => ("Запрос не выполнен", "Запрос не выполнен: проверьте тело и параметры запроса (см. /api/openapi.json)."),
        };

        if (status >= 500 && (problem.Detail is null || context.Exception is not null))
        {
            problem.Title = title;
            problem.Detail = ServerErrorDetail;
            return;
        }

        if (frameworkTitle)
        {
            problem.Title = title;
        }

        problem.Detail ??= detail;
    }
}
