using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using OfficeFlow.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.JsonWebTokens;

namespace OfficeFlow.Functions.Auth;

/// <summary>The body of POST /api/dev/token: who to sign in as («Вход для разработки» in the add-in).</summary>
public sealed record DevSignInRequest(
    [property: Required, OpenApiExample("\"ivanov\"")] string? User = null,
    string? Name = null,
    [property: Required, OpenApiExample("[\"manager\"]")] IReadOnlyList<string>? Roles = null);

/// <summary>A development token and when it expires (UTC).</summary>
public sealed record DevSignInResponse(string AccessToken, DateTimeOffset ExpiresOn);

/// <summary>
/// POST /api/dev/token: the add-in's development sign-in. Mapped only in Development mode, where anyone with the
/// local key can mint any role anyway (officeflow dev-token); the route hands out exactly what the CLI prints,
/// through the same <see cref="DevTokenIssuer"/>, so the panes need no terminal.
/// </summary>
public static partial class DevSignInEndpoint
{
    public const int MaxName = 200;

    public static Results<Ok<DevSignInResponse>, ValidationProblem> Post(DevSignInRequest? request, AuthSettings settings, TimeProvider time)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Вход не выполнен: исправьте поля.");
        }

        // The scope the API checks (Auth:Scope), so the token passes every route's scope check, not just the default one.
        var token = DevTokenIssuer.Issue(settings.DevSigningKey,
            new DevTokenRequest(request!.User!, request.Roles!, request.Name, settings.DevTokenLifetime, settings.Scope), time);
        var expires = new DateTimeOffset(new JsonWebToken(token).ValidTo, TimeSpan.Zero);
        return TypedResults.Ok(new DevSignInResponse(token, expires));
    }

    internal static Dictionary<string, string[]> Validate(DevSignInRequest? request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors["body"] = ["Передайте в теле запроса JSON: { \"user\": \"ivanov\", \"name\": \"Иван Иванов\", \"roles\": [\"manager\"] }."];
            return errors;
        }

        if (request.User is null || !UserId().IsMatch(request.User))
        {
            errors["user"] = ["Поле user — имя пользователя из 1–64 символов: строчные латинские буквы, цифры, точка, дефис, подчёркивание (например ivanov)."];
        }

        if (request.Name?.Length > MaxName)
        {
            errors["name"] = [$"Поле name длиннее {MaxName} символов."];
        }

        if (request.Roles is not { Count: > 0 } roles || roles.Count > Roles.All.Count || roles.Any(r => !Roles.All.Contains(r, StringComparer.Ordinal)))
        {
            errors["roles"] = [$"Поле roles — одна или несколько ролей из: {string.Join(", ", Roles.All)}."];
        }

        return errors;
    }

    [GeneratedRegex("^[a-z0-9._-]{1,64}$")]
    private static partial Regex UserId();
}
