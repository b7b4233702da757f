using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Contacts;

/// <summary>
/// The real app (WebApplicationFactory over Program) against the shared Azurite, in tables of its own
/// (a fresh Storage:TablePrefix). Until the auth capability's test tokens are on main, callers authenticate with
/// a header-driven test scheme ("X-Test-User", "X-Test-Roles") and the three role policies; the grades ledger is
/// stood in for by <see cref="RecordingTaskRecorder"/>.
/// </summary>
public sealed class ContactsTestHost : WebApplicationFactory<Program>
{
    public const string OwnDomain = "bizsoft-firm.ru";
    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public ContactsTestHost(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _connectionString = azurite.ConnectionString;
        _settings = settings ?? new Dictionary<string, string?>();
        TablePrefix = AzuriteFixture.NewTablePrefix();
    }

    public string TablePrefix { get; }

    public RecordingTaskRecorder Tasks { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:ConnectionString", _connectionString);
        builder.UseSetting("Storage:TablePrefix", TablePrefix);
        builder.UseSetting("Contacts:OwnDomains", OwnDomain);
        builder.UseSetting("Contacts:NeverLog", "noreply@sberbank.ru,spam-vendor.com");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ITaskRecorder>(Tasks);
            services.AddAuthentication(HeaderAuthHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, HeaderAuthHandler>(HeaderAuthHandler.SchemeName, _ => { });
            services.AddAuthorization(options =>
            {
                foreach (var role in Roles.All)
                {
                    options.AddPolicy(role, policy => policy.AddAuthenticationSchemes(HeaderAuthHandler.SchemeName).RequireClaim("roles", role));
                }
            });
        });
    }

    /// <summary>A client signed in as a manager (user id "manager-1").</summary>
    public HttpClient CreateManagerClient(string userId = "manager-1", string roles = Roles.Manager)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Test-User", userId);
        client.DefaultRequestHeaders.Add("X-Test-Roles", roles);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    private sealed class HeaderAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "ContactsTest";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue("X-Test-User", out var user))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var claims = new List<Claim> { new("oid", user.ToString()), new("name", "Мария Кузнецова") };
            claims.AddRange(Request.Headers["X-Test-Roles"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim("roles", r)));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, "name", "roles"));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
        }
    }
}

/// <summary>Stands in for the grades ledger: keeps every call, and like the real one counts a SourceId once.</summary>
public sealed class RecordingTaskRecorder : ITaskRecorder
{
    private readonly ConcurrentDictionary<string, TaskEvent> _bySource = new(StringComparer.Ordinal);
    private int _calls;

    public int Calls => _calls;

    public IReadOnlyCollection<TaskEvent> Recorded => _bySource.Values.ToList();

    public Task RecordAsync(TaskEvent taskEvent, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        _bySource.TryAdd(taskEvent.TaskCode + "|" + taskEvent.SourceId, taskEvent);
        return Task.CompletedTask;
    }
}
