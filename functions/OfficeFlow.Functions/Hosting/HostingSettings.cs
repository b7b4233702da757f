using System.Globalization;
using System.Net;
using OfficeFlow.Functions.Hosting.Schedules;

namespace OfficeFlow.Functions.Hosting;

/// <summary>
/// How the app is hosted, read from configuration when first needed (so test and environment
/// overrides apply). Keys and defaults:
/// <c>Hosting:StandaloneUrl</c> (http://127.0.0.1:7071), <c>Hosting:RunTimers</c> (true: the
/// standalone scheduler runs timers), <c>Hosting:HealthStorageTimeoutSeconds</c> (3),
/// <c>Hosting:MaxRequestBodyBytes</c> (4 MB: larger request bodies get 413),
/// <c>Hosting:AddinHttpsUrl</c> (none: a second, https, loopback listener of the standalone host for sideloading the add-in),
/// <c>WEBSITE_TIME_ZONE</c> / <c>TZ</c> (Europe/Moscow, see <see cref="AppTimeZone"/>).
/// </summary>
public sealed class HostingSettings
{
    public const string DefaultStandaloneUrl = "http://127.0.0.1:7071";

    /// <summary>Which host runs the app: the standalone host, or the isolated worker under the Functions host.</summary>
    public HostingMode Mode { get; init; } = HostingMode.Standalone;

    public Uri StandaloneUrl { get; init; } = new(DefaultStandaloneUrl);

    /// <summary>Where the standalone host also listens with https (the development certificate), e.g. https://localhost:7443; null for no https.</summary>
    public Uri? AddinHttpsUrl { get; init; }

    /// <summary>Whether the standalone scheduler runs timers (never under the Functions host, whose timers are singletons).</summary>
    public bool RunTimers { get; init; } = true;

    public TimeSpan HealthStorageTimeout { get; init; } = TimeSpan.FromSeconds(3);

    public const long DefaultMaxRequestBodyBytes = 4 * 1024 * 1024;

    /// <summary>The largest request body read (<c>Hosting:MaxRequestBodyBytes</c>); larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = DefaultMaxRequestBodyBytes;

    public required TimeZoneInfo TimeZone { get; init; }

    public static HostingSettings From(IConfiguration configuration, HostingMode mode = HostingMode.Standalone)
    {
        var urlText = configuration["Hosting:StandaloneUrl"] is { Length: > 0 } u ? u : DefaultStandaloneUrl;
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || !IsLoopback(url))
        {
            throw new InvalidOperationException(
                $"Hosting:StandaloneUrl is '{urlText}'; it must be an http URL on the loopback interface, e.g. {DefaultStandaloneUrl}.");
        }

        Uri? https = null;
        if (configuration["Hosting:AddinHttpsUrl"] is { Length: > 0 } httpsText)
        {
            // Office add-ins must be served over https; loopback only, like the http listener: this is for one developer's machine.
            if (!Uri.TryCreate(httpsText, UriKind.Absolute, out https) || https.Scheme != Uri.UriSchemeHttps || !IsLoopback(https)
                || https.PathAndQuery != "/" || https.Port == url.Port)
            {
                throw new InvalidOperationException(
                    $"Hosting:AddinHttpsUrl is '{httpsText}'; it must be an https URL on the loopback interface with a port other than Hosting:StandaloneUrl's, e.g. https://localhost:7443.");
            }
        }

        var timeout = configuration["Hosting:HealthStorageTimeoutSeconds"] is { Length: > 0 } t
            ? double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : throw new InvalidOperationException($"Hosting:HealthStorageTimeoutSeconds is '{t}'; write a positive number of seconds, e.g. 3.")
            : TimeSpan.FromSeconds(3);

        var runTimers = configuration["Hosting:RunTimers"] is { Length: > 0 } r
            ? bool.TryParse(r, out var run) ? run : throw new InvalidOperationException($"Hosting:RunTimers is '{r}'; write true or false.")
            : true;

        var maxBody = configuration["Hosting:MaxRequestBodyBytes"] is { Length: > 0 } b
            ? long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes >= 1024
                ? bytes
                : throw new InvalidOperationException($"Hosting:MaxRequestBodyBytes is '{b}'; write a whole number of bytes, at least 1024, e.g. {DefaultMaxRequestBodyBytes}.")
            : DefaultMaxRequestBodyBytes;

        return new HostingSettings
        {
            Mode = mode,
            MaxRequestBodyBytes = maxBody,
            StandaloneUrl = url,
            AddinHttpsUrl = https,
            RunTimers = runTimers,
            HealthStorageTimeout = timeout,
            TimeZone = AppTimeZone.Resolve(configuration),
        };
    }

    private static bool IsLoopback(Uri url)
        => url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}

/// <summary>The host that runs the app's functions.</summary>
public enum HostingMode
{
    /// <summary>The app's own ASP.NET Core host: local runs and tests.</summary>
    Standalone,

    /// <summary>The .NET isolated worker (OfficeFlow.Worker) under the Azure Functions host.</summary>
    Worker,
}
