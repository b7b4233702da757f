namespace OfficeFlow.Functions.Auth;

/// <summary>The app roles a token carries in its "roles" claim; each is also an authorization policy of the same name.</summary>
public static class Roles
{
    public const string Manager = "manager";
    public const string Accountant = "accountant";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Manager, Accountant, Admin];

    /// <summary>A policy, not a role: any one of <see cref="All"/>, i.e. anyone the firm assigned to OfficeFlow
    /// (a signed-in account without a role, or a daemon without one, is refused).</summary>
    public const string AnyRole = "anyRole";
}
