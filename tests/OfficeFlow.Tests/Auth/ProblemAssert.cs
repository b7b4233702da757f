using System.Net;
using System.Text.Json;

namespace OfficeFlow.Tests.Auth;

/// <summary>Checks a 401/403 answer the way a client sees it: status, problem+json body with a message, the code, WWW-Authenticate.</summary>
internal static class ProblemAssert
{
    public static async Task<JsonElement> UnauthorizedAsync(HttpResponseMessage response, string code, string detailContains)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        return await BodyAsync(response, 401, code, detailContains);
    }

    public static async Task<JsonElement> ForbiddenAsync(HttpResponseMessage response, string detailContains)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        return await BodyAsync(response, 403, "access_denied", detailContains);
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response, int status, string code, string detailContains)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Contains(detailContains, body.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        return body;
    }
}
