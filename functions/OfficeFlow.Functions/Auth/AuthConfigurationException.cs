namespace OfficeFlow.Functions.Auth;

/// <summary>Thrown at start-up when an <c>Auth:*</c> setting is missing or wrong; the message names the setting to fix.</summary>
public sealed class AuthConfigurationException(string message) : InvalidOperationException(message);
