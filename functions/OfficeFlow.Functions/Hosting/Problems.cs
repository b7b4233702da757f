using Microsoft.AspNetCore.Http.HttpResults;

namespace OfficeFlow.Functions.Hosting;

/// <summary>
/// RFC 7807 answers for capability endpoints, each with a detail that tells the caller what to
/// fix. traceId is added by the app's ProblemDetails service. Use in typed results, e.g.
/// <c>Results&lt;Ok&lt;Client&gt;, ValidationProblem, ProblemHttpResult&gt;</c>.
/// </summary>
public static class Problems
{
    /// <summary>400 with one message per invalid field (property name → messages).</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string? detail = null)
        => TypedResults.ValidationProblem(errors, detail: detail ?? "Некоторые поля заполнены неверно: см. errors.", title: "Запрос не выполнен: исправьте поля");

    /// <summary>400 for one invalid field.</summary>
    public static ValidationProblem Validation(string field, string message)
        => Validation(new Dictionary<string, string[]> { [field] = [message] }, message);

    public static ProblemHttpResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "Запрос не выполнен", detail);

    public static ProblemHttpResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Не найдено", detail);

    /// <summary>409: the thing exists already or the operation was done before.</summary>
    public static ProblemHttpResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "Конфликт", detail);

    /// <summary>412: someone changed the record since the caller read it (ETag mismatch); reload and retry.</summary>
    public static ProblemHttpResult PreconditionFailed(string detail) => Problem(StatusCodes.Status412PreconditionFailed, "Запись изменилась", detail);

    public static ProblemHttpResult Problem(int status, string title, string detail)
        => TypedResults.Problem(statusCode: status, title: title, detail: detail);

    /// <summary>A short human list of names for messages ("none" when empty).</summary>
    public static string List(IEnumerable<string> names)
    {
        var list = string.Join(", ", names);
        return list.Length == 0 ? "none" : list;
    }
}
