using Azure.Core;
using Azure.Core.Pipeline;

namespace OfficeFlow.Functions.Storage;

/// <summary>
/// Per try (after the retry policy, before Azure.Core's network timeout): inside a request with a
/// <see cref="StorageDeadline"/>, a try waits for an answer at most min(<paramref name="networkTimeout"/>, the time
/// left), and with no time left it is not sent at all (<see cref="StorageDeadlineExceededException"/>); an answer
/// moves the deadline back. Without a deadline the try keeps the client's timeout.
/// A try that times out becomes a <see cref="StorageTimeoutException"/>: Azure.Core reports it as a cancellation,
/// which the error mapping cannot tell from a caller giving up, and a request got a 500 for a storage that hung.
/// </summary>
public sealed class StorageDeadlinePolicy(TimeSpan networkTimeout) : HttpPipelinePolicy
{
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var timeout = Limit(message);
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            StorageDeadline.Current?.Heard();
        }
        catch (OperationCanceledException e) when (!message.CancellationToken.IsCancellationRequested)
        {
            throw new StorageTimeoutException(timeout, e);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var timeout = Limit(message);
        try
        {
            ProcessNext(message, pipeline);
            StorageDeadline.Current?.Heard();
        }
        catch (OperationCanceledException e) when (!message.CancellationToken.IsCancellationRequested)
        {
            throw new StorageTimeoutException(timeout, e);
        }
    }

    /// <summary>Sets this try's network timeout from the request's deadline; returns the timeout the try gets.</summary>
    private TimeSpan Limit(HttpMessage message)
    {
        if (StorageDeadline.Current is not { } deadline)
        {
            return message.NetworkTimeout ?? networkTimeout;
        }

        var left = deadline.TimeLeft;
        if (left <= TimeSpan.Zero)
        {
            throw new StorageDeadlineExceededException(deadline.Budget);
        }

        // Read by Azure.Core's ResponseBodyPolicy for this try only; the next try sets it again.
        message.NetworkTimeout = left < networkTimeout ? left : networkTimeout;
        return message.NetworkTimeout.Value;
    }
}

/// <summary>A storage try got no answer within its network timeout (the connection was open: the service hangs).</summary>
public sealed class StorageTimeoutException(TimeSpan timeout, Exception inner)
    : TimeoutException($"Table Storage did not answer within {timeout.TotalSeconds:0.0} s.", inner);
