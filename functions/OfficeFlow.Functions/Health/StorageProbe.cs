using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Health;

/// <summary>Asks Table Storage for its list of tables, with a short timeout, to tell whether it answers.</summary>
public sealed partial class StorageProbe(IServiceProvider services, ILogger<StorageProbe> logger)
{
    public async Task<bool> AnswersAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            var client = services.GetRequiredService<TableServiceClient>();
            await foreach (var _ in client.QueryAsync(maxPerPage: 1, cancellationToken: cts.Token).ConfigureAwait(false))
            {
                break;
            }

            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(logger, e, timeout.TotalSeconds);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Table Storage did not answer the health probe (timeout {TimeoutSeconds} s).")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, double timeoutSeconds);
}
