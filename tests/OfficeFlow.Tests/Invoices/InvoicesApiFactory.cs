using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NSubstitute;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Graph;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Invoices;

/// <summary>The shared <see cref="OfficeFlowApiFactory"/> set up for invoice tests: Azurite, development tokens
/// (TestTokens), a fake clock and a substitute task recorder. Mail goes to a substitute, or — given a
/// <see cref="GraphStub"/> — through the app's own Graph mail sender and the real Graph SDK to the stub.</summary>
public sealed class InvoicesApiFactory : OfficeFlowApiFactory
{
    public InvoicesApiFactory(AzuriteFixture azurite, GraphStub? graph = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        WithSetting("Storage:ConnectionString", azurite.ConnectionString);
        WithSetting("Local:DataFolder", Path.Combine(Path.GetTempPath(), "officeflow-invoices-" + TablePrefix));
        WithSettings(TestTokens.Settings);
        if (graph is not null)
        {
            WithSettings(GraphTestClient.Settings(graph));
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            WithSetting(key, value);
        }

        WithTimeProvider(Clock);
        WithServices(services =>
        {
            services.RemoveAll<ITaskRecorder>();
            services.AddSingleton(Tasks);
            if (graph is null)
            {
                services.RemoveAll<IMailSender>();
                services.AddSingleton(Mail);
            }
            else
            {
                services.UseStubCredential();
            }
        });
    }

    public FakeClock Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 7, 0, 0, TimeSpan.Zero));
    public ITaskRecorder Tasks { get; } = Substitute.For<ITaskRecorder>();
    public IMailSender Mail { get; } = Substitute.For<IMailSender>();

    /// <summary>A client whose every request carries a fresh development token minted on the fake clock
    /// (the app validates token lifetimes on the same clock, so tests may move it by weeks).</summary>
    public HttpClient As(string user, params string[] roles) => CreateDefaultClient(new FreshTokenHandler(Clock, user, roles));

    private sealed class FreshTokenHandler(TimeProvider clock, string user, string[] roles) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var token = DevTokenIssuer.Issue(TestTokens.Key, new DevTokenRequest(user, roles), clock);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
