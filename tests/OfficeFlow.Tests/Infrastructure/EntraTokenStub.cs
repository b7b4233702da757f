using System.Net;
using Microsoft.IdentityModel.Tokens;

namespace OfficeFlow.Tests.Infrastructure;

/// <summary>
/// Makes a <see cref="GraphStub"/> play Entra ID's token endpoint for MSAL's on-behalf-of exchange (requests reach
/// it through <see cref="RetargetingMsalHttpClientFactory"/>): a granted token, or a refusal as Entra words it.
/// </summary>
public static class EntraTokenStub
{
    public const string TokenRoute = "/{tenant}/oauth2/v2.0/token";

    /// <summary>Every exchange answers <paramref name="accessToken"/> for the user <paramref name="userOid"/>.</summary>
    public static GraphStub GrantOnBehalfOf(this GraphStub stub, string accessToken, string userOid = "user-oid") =>
        stub.On("POST", TokenRoute, c => c.JsonAsync(200, TokenAnswer(c.BodyText, accessToken, userOid)));

    /// <summary>Every exchange is refused the way Entra refuses a user who has not consented (400 invalid_grant, suberror consent_required).</summary>
    public static GraphStub RefuseOnBehalfOfForConsent(this GraphStub stub) =>
        stub.OnJson("POST", TokenRoute, 400, new Dictionary<string, object>
        {
            ["error"] = "invalid_grant",
            ["error_description"] = "AADSTS65001: The user or administrator has not consented to use the application with ID '"
                + GraphTestClient.ClientId + "' named 'OfficeFlow API'. Send an interactive authorization request for this user and resource.",
            ["error_codes"] = new[] { 65001 },
            ["suberror"] = "consent_required",
        });

    /// <summary>What Entra answers to a granted exchange; MSAL needs all of it to cache the token.</summary>
    public static Dictionary<string, object> TokenAnswer(string requestBody, string accessToken, string userOid)
    {
        const string Tenant = GraphTestClient.TenantId;
        return new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            // Like Entra ID, the answer names the scope that was asked for (MSAL caches the token under it).
            ["scope"] = Form(requestBody)["scope"].Replace("offline_access", "", StringComparison.Ordinal).Replace("openid", "", StringComparison.Ordinal).Replace("profile", "", StringComparison.Ordinal).Trim(),
            ["expires_in"] = 3600,
            ["ext_expires_in"] = 3600,
            ["access_token"] = accessToken,
            // MSAL asks for client_info and keys its cache by the account it names.
            ["client_info"] = Base64Url($"{{\"uid\":\"{userOid}\",\"utid\":\"{Tenant}\"}}"),
            ["id_token"] = Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + Base64Url(
                $"{{\"aud\":\"{GraphTestClient.ClientId}\",\"iss\":\"https://login.microsoftonline.com/{Tenant}/v2.0\",\"oid\":\"{userOid}\",\"tid\":\"{Tenant}\",\"sub\":\"s\",\"preferred_username\":\"{userOid}@firm.example\",\"iat\":1,\"nbf\":1,\"exp\":4102444800}}") + ".",
        };
    }

    /// <summary>The fields of a form-encoded token request (grant_type, assertion, requested_token_use, …).</summary>
    public static Dictionary<string, string> Form(string body) =>
        body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p[1]));

    private static string Base64Url(string json) => Base64UrlEncoder.Encode(json);
}
