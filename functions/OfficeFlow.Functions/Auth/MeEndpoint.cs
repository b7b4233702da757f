using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OfficeFlow.Functions.Auth;

/// <summary>The body of GET /api/me.</summary>
public sealed record MeResponse(string Id, string Name, IReadOnlyList<string> Roles);

/// <summary>GET /api/me: who the token says the caller is, so the add-in can show the name and hide what the roles do not allow.</summary>
public static class MeEndpoint
{
    public static Ok<MeResponse> Get(ClaimsPrincipal user)
    {
        var current = CurrentUser.From(user);
        return TypedResults.Ok(new MeResponse(current.Id, current.Name, current.Roles));
    }
}
