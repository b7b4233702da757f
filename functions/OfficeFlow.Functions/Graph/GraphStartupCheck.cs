namespace OfficeFlow.Functions.Graph;

/// <summary>Reads the <c>Graph:*</c> settings at start-up (a half configuration stops the app) and says once which mode runs.</summary>
internal sealed partial class GraphStartupCheck(IServiceProvider services, ILogger<GraphStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = services.GetRequiredService<GraphSettings>();
        if (settings.IsConfigured)
        {
            LogGraph(logger, settings.BaseUrl, settings.Mailbox, settings.UseManagedIdentity ? "managed identity" : "client secret");
            if (settings.HasDrive)
            {
                LogDrive(logger, settings.DriveId, settings.ArchiveFolder);
            }
            else
            {
                LogNoDrive(logger, Path.Combine(settings.LocalDataFolder, "documents"));
            }
        }
        else
        {
            LogLocal(logger, Path.Combine(settings.LocalDataFolder, "outbox"), Path.Combine(settings.LocalDataFolder, "documents"));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Microsoft Graph: {BaseUrl}, mailbox {Mailbox}, signing in with {Credential}.")]
    private static partial void LogGraph(ILogger logger, string baseUrl, string mailbox, string credential);

    [LoggerMessage(Level = LogLevel.Information, Message = "Documents are filed in Graph drive {DriveId}, folder '{ArchiveFolder}'.")]
    private static partial void LogDrive(ILogger logger, string driveId, string archiveFolder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph:DriveId is not set: documents are kept in {Documents}, which does not survive a redeployment. Set Graph:DriveId to file them in OneDrive/SharePoint.")]
    private static partial void LogNoDrive(ILogger logger, string documents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Microsoft Graph is not configured: local mode. Mail is written to {Outbox} and documents to {Documents}; no mailbox is read. Set Graph:TenantId, Graph:ClientId, Graph:ClientSecret (or Graph:UseManagedIdentity), Graph:Mailbox and Graph:DriveId to use Graph.")]
    private static partial void LogLocal(ILogger logger, string outbox, string documents);
}
