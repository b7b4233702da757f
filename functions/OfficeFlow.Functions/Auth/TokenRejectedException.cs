namespace OfficeFlow.Functions.Auth;

/// <summary>Why OfficeFlow's own checks (beyond signature, issuer, audience and lifetime) rejected a token.</summary>
public enum TokenRejection
{
    WrongTenant,
}

/// <summary>A token that is well-formed and signed but fails one of OfficeFlow's own rules.</summary>
public sealed class TokenRejectedException(TokenRejection reason, string message) : Exception(message)
{
    public TokenRejection Reason { get; } = reason;
}
