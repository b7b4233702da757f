using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;
using Microsoft.Kiota.Abstractions;

namespace OfficeFlow.Functions.Contacts.Logging;

/// <summary>
/// Turns what MSAL's on-behalf-of exchange and the Graph SDK throw into outcomes a manager can act on. Only status
/// and error codes are logged: never the token, never the message.
/// </summary>
internal static class GraphReadFailures
{
    /// <summary>The outcome, or null for what must stay an exception (the caller's cancellation; our own misconfiguration → 500 with the log).</summary>
    public static GraphReadOutcome? Classify(Exception exception, ILogger log, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return null;
            case MsalServiceException refused when refused is MsalUiRequiredException || refused.ErrorCode is "invalid_grant" or "consent_required" or "interaction_required":
                log.LogWarning("On-behalf-of token exchange refused: {ErrorCode} {Classification}", refused.ErrorCode, (refused as MsalUiRequiredException)?.Classification);
                return GraphReadOutcome.ConsentRequired();
            case MsalServiceException down when down.StatusCode is >= 500 or 429 || down.ErrorCode is MsalError.ServiceNotAvailable or MsalError.RequestTimeout:
                log.LogWarning("On-behalf-of token exchange failed: Entra ID answered {Status} {ErrorCode}", down.StatusCode, down.ErrorCode);
                return GraphReadOutcome.Unavailable();
            case ApiException api:
                return FromGraph(api, log);
            case AggregateException retries when retries.InnerExceptions.Count > 0 && retries.InnerExceptions.All(i => i is ApiException):
                // The SDK's RetryHandler gives up this way, with every answer inside, only after retrying 429/503/504.
                log.LogWarning("Microsoft Graph kept answering {Status} after {Attempts} attempts to read a message",
                    ((ApiException)retries.InnerExceptions[^1]).ResponseStatusCode, retries.InnerExceptions.Count);
                return GraphReadOutcome.Unavailable();
            case HttpRequestException or OperationCanceledException:
                // Transport failure, or the HttpClient's timeout (the caller did not cancel).
                log.LogWarning(exception, "Microsoft Graph could not be reached while reading a message");
                return GraphReadOutcome.Unavailable();
            default:
                // E.g. invalid_client: the app registration is misconfigured, which only an administrator can fix from the log.
                return null;
        }
    }

    private static GraphReadOutcome FromGraph(ApiException api, ILogger log)
    {
        var code = (api as ODataError)?.Error?.Code;
        log.LogWarning("Microsoft Graph refused to read a message: {Status} {Code}", api.ResponseStatusCode, code);
        return api.ResponseStatusCode switch
        {
            404 => GraphReadOutcome.NotFound(),
            400 when code is "ErrorInvalidIdMalformed" or "ErrorInvalidId" => GraphReadOutcome.MalformedId(),
            401 or 403 => GraphReadOutcome.ConsentRequired(),
            429 or >= 500 => GraphReadOutcome.Unavailable(),
            _ => GraphReadOutcome.Failed(),
        };
    }
}
