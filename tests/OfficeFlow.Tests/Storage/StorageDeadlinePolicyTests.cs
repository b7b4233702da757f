using System.Net;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using OfficeFlow.Functions.Hosting.Errors;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Tests.Storage;

/// <summary>
/// <see cref="StorageDeadlinePolicy"/> in the app's own client pipeline (<see cref="StorageModule.CreateClientOptions"/>)
/// on a fake clock and a fake transport: each try waits at most min(5 s, the request's time left), an answer moves the
/// deadline back, a spent budget sends nothing, a try that fails at the deadline is not retried, and work without a
/// deadline is left as it was.
/// </summary>
public sealed class StorageDeadlinePolicyTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly List<TimeSpan?> _tries = [];

    [Fact]
    public async Task NoDeadline_TryKeepsTheClientsNetworkTimeout()
    {
        await SendAsync(_ => { });

        Assert.Equal([null], _tries);
    }

    [Theory]
    [InlineData(4.5, 0, 4.5)]
    [InlineData(10, 0, 5)]
    [InlineData(4.5, 3, 1.5)]
    public async Task WithDeadline_TryWaitsAtMostTheTimeLeft(double budgetSeconds, double elapsedSeconds, double expectedSeconds)
    {
        using (StorageDeadline.Begin(TimeSpan.FromSeconds(budgetSeconds), _clock))
        {
            _clock.Advance(TimeSpan.FromSeconds(elapsedSeconds));
            await SendAsync(_ => { });
        }

        Assert.Equal([TimeSpan.FromSeconds(expectedSeconds)], _tries);
    }

    [Fact]
    public async Task AnAnswer_MovesTheDeadlineBack_SoARequestMakingProgressIsNotCut()
    {
        using (StorageDeadline.Begin(TimeSpan.FromSeconds(4.5), _clock))
        {
            _clock.Advance(TimeSpan.FromSeconds(3));
            await SendAsync(_ => { });
            _clock.Advance(TimeSpan.FromSeconds(3));
            await SendAsync(_ => { });
        }

        // 6 s into the request, but storage answered 3 s ago.
        Assert.Equal([TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(1.5)], _tries);
    }

    [Fact]
    public async Task BudgetSpent_FailsWithoutSending_AsAStorageOutage()
    {
        Exception failure;
        using (StorageDeadline.Begin(TimeSpan.FromSeconds(4.5), _clock))
        {
            _clock.Advance(TimeSpan.FromSeconds(4.5));
            failure = await Assert.ThrowsAsync<StorageDeadlineExceededException>(() => SendAsync(_ => { }));
        }

        Assert.Empty(_tries);
        Assert.True(StorageOutage.Is(failure));
    }

    [Fact]
    public async Task DroppedConnectionWithTimeLeft_IsRetriedOnce()
    {
        using (StorageDeadline.Begin(TimeSpan.FromSeconds(4.5), _clock))
        {
            await Assert.ThrowsAsync<AggregateException>(() => SendAsync(_ => throw new HttpRequestException("connection reset", new IOException("reset"))));
        }

        Assert.Equal(2, _tries.Count);
    }

    [Fact]
    public async Task TryFailingAtTheDeadline_IsNotRetried_TheUserGetsItsFailure()
    {
        Exception failure;
        using (StorageDeadline.Begin(TimeSpan.FromSeconds(4.5), _clock))
        {
            failure = await Assert.ThrowsAnyAsync<Exception>(() => SendAsync(_ =>
            {
                // The storage took the rest of the budget and then dropped the connection.
                _clock.Advance(TimeSpan.FromSeconds(4.4));
                throw new HttpRequestException("connection reset", new IOException("reset"));
            }));
        }

        Assert.Single(_tries);
        Assert.IsType<RequestFailedException>(failure);
        Assert.True(StorageOutage.Is(failure));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("61")]
    public void BudgetSetting_OutOfRange_IsRefusedNamingIt(string value)
    {
        Assert.Contains(StorageDeadline.BudgetSetting, StorageDeadline.BudgetProblem(value));
    }

    [Fact]
    public void BudgetSetting_UnsetOrGiven_IsUsed()
    {
        Assert.Equal(TimeSpan.FromSeconds(4), StorageDeadline.BudgetFrom(new ConfigurationBuilder().Build()));
        Assert.Equal(TimeSpan.FromSeconds(2.5), StorageDeadline.BudgetFrom(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [StorageDeadline.BudgetSetting] = "2.5" }).Build()));
    }

    private async Task SendAsync(Action<HttpRequestMessage> storage)
    {
        var options = StorageModule.CreateClientOptions();
        options.Transport = new HttpClientTransport(new HttpClient(new FakeStorage(storage)));
        options.AddPolicy(new TryRecorder(_tries), HttpPipelinePosition.BeforeTransport);
        var pipeline = HttpPipelineBuilder.Build(options);
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(new Uri("http://127.0.0.1:1/devstoreaccount1/Tables"));
        await pipeline.SendAsync(message, CancellationToken.None);
    }

    /// <summary>What each try that reached the transport was given as its network timeout (null: the client's 5 s).</summary>
    private sealed class TryRecorder(List<TimeSpan?> tries) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => tries.Add(message.NetworkTimeout);
    }

    private sealed class FakeStorage(Action<HttpRequestMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            answer(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"value\":[]}") });
        }
    }
}
