namespace OfficeFlow.Functions.Auth;

/// <summary>How bearer tokens are checked (<c>Auth:Mode</c>).</summary>
public enum AuthMode
{
    /// <summary>Production: tokens issued by Microsoft Entra ID for the configured tenant.</summary>
    EntraId,

    /// <summary>Local runs and tests: tokens signed with a local HMAC key (<c>officeflow dev-token</c>).</summary>
    Development,
}
