using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFlow.Functions.Invoices.Lifecycle;

namespace OfficeFlow.Functions.Invoices.Api;

/// <summary>Turns a refusal by the invoice rules into RFC 7807 ProblemDetails with the Russian message and a stable code.</summary>
internal static class InvoiceProblems
{
    public static ProblemHttpResult From(InvoiceRuleException refusal)
    {
        var (status, title) = refusal.Kind switch
        {
            InvoiceRuleKind.Invalid => (StatusCodes.Status400BadRequest, "Неверные данные"),
            InvoiceRuleKind.NotFound => (StatusCodes.Status404NotFound, "Не найдено"),
            _ => (StatusCodes.Status409Conflict, "Действие недоступно для счёта в этом состоянии"),
        };
        return TypedResults.Problem(refusal.Message, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = refusal.Code });
    }

    public static ProblemHttpResult BadRequest(string code, string message) =>
        From(new InvoiceRuleException(InvoiceRuleKind.Invalid, code, message));

    /// <summary>The Idempotency-Key header, if any; false with a problem when it is unusable.</summary>
    public static bool TryRequestId(HttpRequest request, out string? requestId, out ProblemHttpResult? problem)
    {
        problem = null;
        requestId = request.Headers["Idempotency-Key"].FirstOrDefault();
        if (requestId is null)
        {
            return true;
        }

        if (requestId.Length is 0 or > 200)
        {
            problem = BadRequest("idempotency-key", "Заголовок Idempotency-Key — от 1 до 200 символов (например, GUID).");
            return false;
        }

        return true;
    }
}
