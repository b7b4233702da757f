namespace OfficeFlow.Functions.Auth;

/// <summary>The app roles a token carries in its "roles" claim; each is also an authorization policy of the same name.</summary>
public static class Roles
{
    public const string Manager = "manager";
    public const string Accountant = "accountant";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Manager, Accountant, Admin];
}
