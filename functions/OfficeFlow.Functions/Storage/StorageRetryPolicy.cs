using System.Net.Http;
using System.Net.Sockets;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace OfficeFlow.Functions.Storage;

/// <summary>
/// Azure.Core's retry (408, 429, 5xx, dropped connections), except for an endpoint that is not there: a refused
/// connection or an unknown host will not be different 200 ms later. Not retrying it also keeps the failure what
/// the error mapping looks for, a <see cref="RequestFailedException"/> with Status 0, rather than the
/// <see cref="AggregateException"/> Azure.Core throws after several failed tries.
/// </summary>
public sealed class StorageRetryPolicy(int maxRetries, TimeSpan delay)
    : RetryPolicy(maxRetries, DelayStrategy.CreateFixedDelayStrategy(delay))
{
    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        !IsEndpointMissing(exception) && base.ShouldRetry(message, exception);

    protected override ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        IsEndpointMissing(exception) ? ValueTask.FromResult(false) : base.ShouldRetryAsync(message, exception);

    private static bool IsEndpointMissing(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NoData })
            {
                return true;
            }

            if (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError })
            {
                return true;
            }
        }

        return false;
    }
}
