using Microsoft.AspNetCore.Http.HttpResults;

namespace OfficeFlow.Functions.Grades.Api;

/// <summary>The grades API's error answers: RFC 7807 problems with a message (Russian, for the add-in) that says what to fix.</summary>
internal static class GradesProblems
{
    public static ProblemHttpResult BadMonth(string text) =>
        TypedResults.Problem($"Месяц «{Hosting.Echo.Short(text, 20)}» не распознан: укажите его в виде ГГГГ-ММ, например 2026-10.", statusCode: StatusCodes.Status400BadRequest, title: "Неверный месяц");

    public static ProblemHttpResult NoPolicy(string month) =>
        TypedResults.Problem($"Для месяца {month} нет действующей политики оплаты или производственного календаря. Обратитесь к администратору.",
            statusCode: StatusCodes.Status422UnprocessableEntity, title: "Нет политики для месяца");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Недостаточно прав");

    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem("Запись не найдена: возможно, она уже удалена.", statusCode: StatusCodes.Status404NotFound, title: "Запись не найдена");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Действие невозможно");
}
