using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;

namespace OfficeFlow.Functions.Hosting.Errors;

/// <summary>
/// Answers a request the app could not read — not JSON, a value of the wrong type, no body, a body that is too large
/// or not JSON at all, a query parameter of the wrong form — with a Russian ProblemDetails naming the field by its
/// JSON path and what it should hold. Never the framework's text, which names .NET types and parameters. Logged as a
/// warning without a stack trace: the caller's mistake, not the app's.
/// </summary>
internal sealed partial class MalformedRequestMiddleware(RequestDelegate next, IProblemDetailsService problems, ILogger<MalformedRequestMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
        {
            var problem = MalformedRequest.Describe(context, bad);
            LogMalformed(logger, context.Request.Method, EndpointName(context), problem.Status ?? 400, string.Join(", ", problem.Errors.Keys));
            context.Response.Clear();
            context.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
        }
    }

    private static string EndpointName(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "(no endpoint)";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed request {Method} to {Endpoint}: answered {Status} for {Fields}.")]
    private static partial void LogMalformed(ILogger logger, string method, string endpoint, int status, string fields);
}

/// <summary>Turns the framework's <see cref="BadHttpRequestException"/> into what a person can act on.</summary>
internal static partial class MalformedRequest
{
    public static HttpValidationProblemDetails Describe(HttpContext context, BadHttpRequestException bad)
    {
        switch (bad.StatusCode)
        {
            case StatusCodes.Status413PayloadTooLarge:
                return Problem(StatusCodes.Status413PayloadTooLarge, "Запрос слишком большой", "body",
                    $"Тело запроса больше {RequestLimits.Describe(context)}: сократите тексты или отправьте данные частями.");
            case StatusCodes.Status415UnsupportedMediaType:
                return Problem(StatusCodes.Status415UnsupportedMediaType, "Тело запроса — не JSON", "body",
                    "Отправьте тело запроса в формате JSON с заголовком Content-Type: application/json.");
        }

        var requestType = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (FindJsonException(bad) is { } json)
        {
            return FromJson(json, requestType);
        }

        if (ImplicitBodyMissing().IsMatch(bad.Message))
        {
            return Problem(400, "Нет тела запроса", "body", "Передайте тело запроса: " + (requestType is null ? "JSON-объект." : ExpectedShape.Describe(requestType) + " в формате JSON."));
        }

        if (RequiredParameter().Match(bad.Message) is { Success: true } required)
        {
            var name = required.Groups["name"].Value;
            return required.Groups["source"].Value == "body"
                ? Problem(400, "Нет тела запроса", "body", "Передайте тело запроса: " + (requestType is null ? "JSON-объект." : ExpectedShape.Describe(requestType) + " в формате JSON."))
                : Problem(400, "Не хватает параметра", name, $"Передайте параметр {name}.");
        }

        if (UnboundParameter().Match(bad.Message) is { Success: true } unbound)
        {
            var name = unbound.Groups["name"].Value;
            var type = context.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters().FirstOrDefault(p => p.Name == name)?.ParameterType;
            return Problem(400, "Неверный параметр запроса", name,
                type is null ? $"Параметр {name} задан в неверном виде." : $"Параметр {name}: {ExpectedShape.Expected(type)}.");
        }

        return Problem(bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400, "Запрос не разобран", "body",
            "Запрос не удалось разобрать: проверьте, что тело — JSON-объект, а параметры адреса заданы в нужном виде (см. /api/openapi.json).");
    }

    private static HttpValidationProblemDetails FromJson(JsonException json, Type? requestType)
    {
        var segments = JsonPaths.Parse(json.Path);
        var field = JsonPaths.Field(segments);
        var at = field == "body" ? "" : $" (поле {field})";
        if (json.InnerException?.GetType().Name == "JsonReaderException")
        {
            return Problem(400, "Тело запроса — не JSON", field,
                $"Тело запроса не читается как JSON: ошибка в строке {(json.LineNumber ?? 0) + 1}, позиция {(json.BytePositionInLine ?? 0) + 1}{at}. " +
                "Проверьте кавычки, запятые, скобки и вложенность (не глубже 64 уровней).");
        }

        if (json.InnerException is InvalidOperationException or ArgumentException && json.InnerException.Message.Contains("UTF", StringComparison.Ordinal))
        {
            return Problem(400, "Недопустимые символы", field, $"Поле {field}: в тексте недопустимые символы (например, половина суррогатной пары).");
        }

        var type = requestType is null ? null : ExpectedShape.TypeAt(requestType, segments);
        var message = type is null
            ? $"Поле {field}: значение не того вида."
            : field == "body" ? $"Тело запроса: {ExpectedShape.Expected(type)}." : $"Поле {field}: {ExpectedShape.Expected(type)}.";
        return Problem(400, "Неверные данные в запросе", field, message);
    }

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    private static HttpValidationProblemDetails Problem(int status, string title, string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] })
    {
        Status = status,
        Title = title,
        Detail = message,
    };

    // The framework's own messages: 'Implicit body inferred for parameter "request" but no body was provided…', 'Required parameter "CreateTaskRequest request" was not provided from body.'
    // and 'Failed to bind parameter "int? limit" from "abc".' Only the parameter's name is taken from them.
    [GeneratedRegex("^Required parameter \"[^\"]* (?<name>[A-Za-z0-9_]+)\" was not provided from (?<source>body|query string|route|header|form)")]
    private static partial Regex RequiredParameter();

    [GeneratedRegex("^Implicit body inferred for parameter \"[^\"]*\" but no body was provided")]
    private static partial Regex ImplicitBodyMissing();

    [GeneratedRegex("^Failed to bind parameter \"[^\"]* (?<name>[A-Za-z0-9_]+)\" from")]
    private static partial Regex UnboundParameter();
}
