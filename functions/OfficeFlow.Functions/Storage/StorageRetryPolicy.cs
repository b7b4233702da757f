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
/// <see cref="AggregateException"/> Azure.Core throws after several failed tries. Nor is a try retried when its
/// request's <see cref="StorageDeadline"/> leaves no time for the pause and another try: the user gets the failure now.
/// A try that timed out (<see cref="StorageTimeoutException"/>, Azure.Core's cancellation renamed by
/// <see cref="StorageDeadlinePolicy"/>) is retried as Azure.Core retries a timeout.
/// </summary>
public sealed class StorageRetryPolicy : RetryPolicy
{
    private readonly TimeSpan _delay;

    public StorageRetryPolicy(int maxRetries, TimeSpan delay)
        : base(maxRetries, DelayStrategy.CreateFixedDelayStrategy(delay))
    {
        _delay = delay;
    }

    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        !IsEndpointMissing(exception) && !IsDeadlineTooClose()
        && base.ShouldRetry(message, AsAzureSeesIt(exception));

    protected override ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        IsEndpointMissing(exception) || IsDeadlineTooClose() ? ValueTask.FromResult(false) : base.ShouldRetryAsync(message, AsAzureSeesIt(exception));

    /// <summary>Azure.Core decides on a timed-out try by the cancellation it threw, not by the name we give it.</summary>
    private static Exception? AsAzureSeesIt(Exception? exception) => exception is StorageTimeoutException { InnerException: { } cancelled } ? cancelled : exception;

    private bool IsDeadlineTooClose() => StorageDeadline.Current is { } deadline && deadline.TimeLeft <= _delay;

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
