using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Grades;

/// <summary>A clock the test sets.</summary>
internal sealed class SettableTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}

/// <summary>The whole app on a test server with real Azurite tables (own prefix), test tokens, local-mode Graph
/// (outbox and documents in a temporary folder) and a settable clock.</summary>
internal sealed class GradesAppFactory : WebApplicationFactory<Program>
{
    private readonly AzuriteFixture _azurite;

    private readonly OfficeFlow.Functions.Graph.IMailSender? _mail;

    private readonly string _timeZone;

    public GradesAppFactory(AzuriteFixture azurite, DateTimeOffset now, string? accountantEmail = "buh@firm.example", OfficeFlow.Functions.Graph.IMailSender? mail = null, string timeZone = "Europe/Moscow")
    {
        _timeZone = timeZone;
        _azurite = azurite;
        _mail = mail;
        Time = new SettableTime(now);
        AccountantEmail = accountantEmail;
    }

    public SettableTime Time { get; }

    public string? AccountantEmail { get; }

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("grades-app-").FullName;

    public string TablePrefix { get; } = AzuriteFixture.NewTablePrefix();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseTestTokens();
        // The app's one time zone, set explicitly so a TZ on the test machine never moves a month boundary.
        builder.UseSetting("WEBSITE_TIME_ZONE", _timeZone);
        builder.UseSetting("Storage:ConnectionString", _azurite.ConnectionString);
        builder.UseSetting("Storage:TablePrefix", TablePrefix);
        builder.UseSetting("Local:DataFolder", DataFolder);
        builder.UseSetting("Grades:AccountantEmail", AccountantEmail);
        builder.UseSetting("Grades:Months:2026-10:SubscriptionVolume", "420000");
        builder.UseSetting("Grades:Months:2026-10:OneOffVolume", "185000");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            if (_mail is not null)
            {
                services.AddSingleton(_mail);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }
}
