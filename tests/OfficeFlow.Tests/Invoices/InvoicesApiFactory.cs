using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NSubstitute;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Graph;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Invoices;

/// <summary>The real app pipeline on Azurite with its own table prefix, development tokens (TestTokens), a fake
/// clock and a substitute task recorder. Mail goes to a substitute, or — given a <see cref="GraphStub"/> — through
/// the real Graph SDK and the app's own Graph mail sender to the stub.</summary>
public sealed class InvoicesApiFactory(AzuriteFixture azurite, GraphStub? graph = null, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public FakeClock Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 7, 0, 0, TimeSpan.Zero));
    public ITaskRecorder Tasks { get; } = Substitute.For<ITaskRecorder>();
    public IMailSender Mail { get; } = Substitute.For<IMailSender>();
    public string TablePrefix { get; } = AzuriteFixture.NewTablePrefix();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:ConnectionString", azurite.ConnectionString);
        builder.UseSetting("Storage:TablePrefix", TablePrefix);
        builder.UseSetting("Local:DataFolder", Path.Combine(Path.GetTempPath(), "officeflow-invoices-" + TablePrefix));
        builder.UseTestTokens();
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (graph is not null)
        {
            foreach (var (key, value) in GraphTestClient.Settings(graph))
            {
                builder.UseSetting(key, value);
            }
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
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
