namespace OfficeFlow.Functions.Graph;

/// <summary>Reads the <c>Graph:*</c> settings at start-up (a half configuration stops the app) and says once which mode runs.</summary>
internal sealed partial class GraphStartupCheck(IServiceProvider services, ILogger<GraphStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = services.GetRequiredService<GraphSettings>();
        if (settings.IsConfigured)
        {
            LogGraph(logger, settings.BaseUrl, settings.Mailbox, settings.DriveId, settings.ArchiveFolder, settings.UseManagedIdentity ? "managed identity" : "client secret");
        }
        else
        {
            LogLocal(logger, Path.Combine(settings.LocalDataFolder, "outbox"), Path.Combine(settings.LocalDataFolder, "documents"));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Microsoft Graph: {BaseUrl}, mailbox {Mailbox}, drive {DriveId} folder '{ArchiveFolder}', signing in with {Credential}.")]
    private static partial void LogGraph(ILogger logger, string baseUrl, string mailbox, string driveId, string archiveFolder, string credential);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Microsoft Graph is not configured: local mode. Mail is written to {Outbox} and documents to {Documents}; no mailbox is read. Set Graph:TenantId, Graph:ClientId, Graph:ClientSecret (or Graph:UseManagedIdentity), Graph:Mailbox and Graph:DriveId to use Graph.")]
    private static partial void LogLocal(ILogger logger, string outbox, string documents);
}
