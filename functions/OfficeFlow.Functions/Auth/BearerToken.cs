namespace OfficeFlow.Functions.Auth;

/// <summary>
/// The caller's own API token from <c>Authorization: Bearer …</c>, for on-behalf-of exchanges. It is a credential:
/// pass it on to MSAL only, never log it or put it in an answer.
/// </summary>
public static class BearerToken
{
    private const string Scheme = "Bearer ";

    /// <summary>The token, or null when the request carries no bearer token.</summary>
    public static string? From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[Scheme.Length..].Trim();
        return token.Length > 0 ? token : null;
    }
}
