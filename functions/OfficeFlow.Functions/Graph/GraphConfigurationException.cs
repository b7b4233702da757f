namespace OfficeFlow.Functions.Graph;

/// <summary>Thrown at start-up when the <c>Graph:*</c> settings are incomplete; the message names the setting to fix.</summary>
public sealed class GraphConfigurationException(string message) : InvalidOperationException(message);
