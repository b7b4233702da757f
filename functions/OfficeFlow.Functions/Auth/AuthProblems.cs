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

    public static Problem ForUnauthenticated(AuthenticateResult result)
    {
        const string signIn = "Sign-in required";
        if (result.None || result.Failure is null)
        {
            return new("token_missing", signIn,
                "Sign in: this request carries no bearer token. Send 'Authorization: Bearer <token>' (for a local run: officeflow dev-token --user <id> --role manager).");
        }

        return result.Failure switch
        {
            SecurityTokenExpiredException => new("token_expired", signIn, "Sign in again: the token expired."),
            SecurityTokenNotYetValidException => new("token_not_yet_valid", signIn, "The token is not valid yet: check the clock of this computer, then sign in again."),
            SecurityTokenInvalidAudienceException => new("token_wrong_audience", signIn,
                "The token was issued for another application: sign in to the OfficeFlow API (the client must request a token for its audience)."),
            SecurityTokenInvalidIssuerException => new("token_wrong_issuer", signIn,
                "The token comes from a sign-in service this API does not trust: sign in with your organisation's account."),
            TokenRejectedException { Reason: TokenRejection.WrongTenant } => new("token_wrong_tenant", signIn,
                "The token belongs to another organisation: sign in with your account in this organisation."),
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => new("token_bad_signature", signIn,
                "The token's signature is not valid for this API: sign in again to get a new token."),
            InvalidOperationException => new("token_not_checked", signIn,
                "The sign-in service could not be reached to check the token: try again in a minute."),
            _ => new("token_invalid", signIn, "The token is not valid: sign in again."),
        };
    }

    public static Problem ForForbidden(AuthorizationFailure? failure)
    {
        var reasons = failure?.FailureReasons.Select(r => r.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct().ToArray() ?? [];
        var detail = reasons.Length > 0
            ? string.Join(" ", reasons)
            : "Your account is not allowed to do this: ask an OfficeFlow administrator for the role it needs.";
        return new("access_denied", "Access denied", detail);
    }
}
