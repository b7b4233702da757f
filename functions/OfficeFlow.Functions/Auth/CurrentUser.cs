using System.Security.Claims;

namespace OfficeFlow.Functions.Auth;

/// <summary>Who is calling: the user id (Entra "oid", else "sub"), display name and app roles.</summary>
public sealed record CurrentUser(string Id, string Name, IReadOnlyList<string> Roles)
{
    /// <summary>The claim app roles arrive in (Entra ID and development tokens alike).</summary>
    public const string RoleClaim = "roles";

    public bool IsIn(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);

    public static CurrentUser From(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue("oid")
            ?? principal.FindFirstValue("http://schemas.microsoft.com/identity/claims/objectidentifier")
            ?? principal.FindFirstValue("sub")
            ?? principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The authenticated principal has neither an 'oid' nor a 'sub' claim.");
        var name = principal.FindFirstValue("name") ?? principal.FindFirstValue(ClaimTypes.Name) ?? id;
        // Only the "roles" claim, the one the role policies read (RolePolicies): what a handler sees is what was authorized.
        var roles = principal.FindAll(RoleClaim).Select(c => c.Value).Distinct().ToArray();
        return new CurrentUser(id, name, roles);
    }
}
