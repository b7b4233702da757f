using Microsoft.AspNetCore.Authentication;
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

/// <summary>The real app pipeline on Azurite with its own table prefix, a fake clock, a header-based test user,
/// and substitutes for the task recorder and the mail sender (narrow seams owned by other capabilities).</summary>
public sealed class InvoicesApiFactory(AzuriteFixture azurite) : WebApplicationFactory<Program>
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
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.RemoveAll<ITaskRecorder>();
            services.AddSingleton(Tasks);
            services.RemoveAll<IMailSender>();
            services.AddSingleton(Mail);
            services.AddAuthentication(o =>
            {
                o.DefaultScheme = InvoicesTestAuth.SchemeName;
                o.DefaultAuthenticateScheme = InvoicesTestAuth.SchemeName;
                o.DefaultChallengeScheme = InvoicesTestAuth.SchemeName;
            }).AddScheme<AuthenticationSchemeOptions, InvoicesTestAuth>(InvoicesTestAuth.SchemeName, _ => { });
            services.AddAuthorization(o =>
            {
                // Admin passes every role, as the app's own policies do.
                foreach (var role in Roles.All)
                {
                    o.AddPolicy(role, p => p.AddAuthenticationSchemes(InvoicesTestAuth.SchemeName).RequireAuthenticatedUser()
                        .RequireAssertion(c => c.User.FindAll("roles").Any(r => r.Value == role || r.Value == Roles.Admin)));
                }
            });
        });
    }

    public HttpClient As(string user, params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Test-User", user);
        client.DefaultRequestHeaders.Add("X-Test-Roles", string.Join(",", roles));
        return client;
    }
}
