namespace OfficeFlow.Functions.Auth;

/// <summary>Loads the <c>Auth:*</c> settings when the app starts (a wrong one stops it, naming the setting) and logs the mode once.</summary>
internal sealed partial class AuthStartupCheck(IServiceProvider services, ILogger<AuthStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = services.GetRequiredService<AuthSettings>();
        if (settings.Mode == AuthMode.Development)
        {
            LogDevelopment(logger, settings.DevSigningKeySource);
        }
        else
        {
            LogEntraId(logger, settings.TenantId, string.Join(", ", settings.Audiences));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authentication: Development mode, tokens signed with the local key from {KeySource} (officeflow dev-token prints one). Never use this mode in production.")]
    private static partial void LogDevelopment(ILogger logger, string keySource);

    [LoggerMessage(Level = LogLevel.Information, Message = "Authentication: Entra ID tenant {TenantId}, audiences {Audiences}.")]
    private static partial void LogEntraId(ILogger logger, string tenantId, string audiences);
}
