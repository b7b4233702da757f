using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace OfficeFlow.Functions.Auth;

/// <summary>
/// The RFC 7807 bodies of 401 and 403: what went wrong and what to do about it, plus a stable "code" the
/// add-in can translate. Never the exception text: it may describe keys and issuers to an attacker.
/// </summary>
internal static class AuthProblems
{
    public sealed record Problem(string Code, string Title, string Detail);

    public const string SignInTitle = "Нужно войти";
    public const string DeniedTitle = "Доступ запрещён";

    public static Problem ForUnauthenticated(AuthenticateResult result)
    {
        const string signIn = SignInTitle;
        if (result.None || result.Failure is null)
        {
            return new("token_missing", signIn,
                "Войдите: в запросе нет токена. Передайте заголовок Authorization: Bearer <токен> (для локального запуска: officeflow dev-token --user <id> --role manager).");
        }

        return result.Failure switch
        {
            SecurityTokenExpiredException => new("token_expired", signIn, "Срок действия токена истёк: войдите снова."),
            SecurityTokenNotYetValidException => new("token_not_yet_valid", signIn, "Токен ещё не действует: проверьте часы этого компьютера и войдите снова."),
            SecurityTokenInvalidAudienceException => new("token_wrong_audience", signIn,
                "Токен выдан для другого приложения: войдите в OfficeFlow API (клиент должен запрашивать токен для этого API)."),
            SecurityTokenInvalidIssuerException => new("token_wrong_issuer", signIn,
                "Токен выдан службой входа, которой этот API не доверяет: войдите с учётной записью своей организации."),
            TokenRejectedException { Reason: TokenRejection.WrongTenant } => new("token_wrong_tenant", signIn,
                "Токен принадлежит другой организации: войдите с учётной записью этой организации."),
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => new("token_bad_signature", signIn,
                "Подпись токена не подходит для этого API: войдите снова, чтобы получить новый токен."),
            InvalidOperationException => new("token_not_checked", signIn,
                "Не удалось связаться со службой входа, чтобы проверить токен: повторите через минуту."),
            _ => new("token_invalid", signIn, "Токен недействителен: войдите снова."),
        };
    }

    public static Problem ForForbidden(AuthorizationFailure? failure)
    {
        var reasons = failure?.FailureReasons.Select(r => r.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct().ToArray() ?? [];
        var detail = reasons.Length > 0
            ? string.Join(" ", reasons)
            : "Вашей учётной записи это действие не разрешено: попросите администратора OfficeFlow назначить нужную роль.";
        return new("access_denied", DeniedTitle, detail);
    }
}
