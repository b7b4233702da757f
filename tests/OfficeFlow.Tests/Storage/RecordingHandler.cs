using System.Net;
using System.Text;
using Azure.Core.Pipeline;
using OfficeFlow.Storage;

namespace OfficeFlow.Tests.Storage;

/// <summary>
/// Stands in for the network under Azure.Core's real HttpClientTransport: records every request the
/// pipeline sends and answers from a queue of canned responses (the last one repeats).
/// </summary>
internal sealed class RecordingHandler(params Func<HttpResponseMessage>[] responses) : HttpMessageHandler
{
    private int _next;

    public List<HttpRequestMessage> Requests { get; } = [];

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public TableClientOptions Options(TimeProvider? time = null)
    {
        var options = new TableClientOptions { Transport = new HttpClientTransport(new HttpClient(this)) };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        if (time is not null)
        {
            options.TimeProvider = time;
        }

        return options;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request);
            var response = responses[Math.Min(_next++, responses.Length - 1)]();
            return Task.FromResult(response);
        }
    }
}

internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
