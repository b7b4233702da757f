using System.Security.Claims;

namespace OfficeFlow.Functions.Auth;

/// <summary>Who is calling: the user id (Entra "oid", else "sub"), display name and app roles.</summary>
public sealed record CurrentUser(string Id, string Name, IReadOnlyList<string> Roles)
{
    public bool IsIn(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);

    public static CurrentUser From(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue("oid")
            ?? principal.FindFirstValue("http://schemas.microsoft.com/identity/claims/objectidentifier")
            ?? principal.FindFirstValue("sub")
            ?? principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The authenticated principal has neither an 'oid' nor a 'sub' claim.");
        var name = principal.FindFirstValue("name") ?? principal.FindFirstValue(ClaimTypes.Name) ?? id;
        var roles = principal.FindAll("roles").Concat(principal.FindAll(ClaimTypes.Role)).Select(c => c.Value).Distinct().ToArray();
        return new CurrentUser(id, name, roles);
    }
}
