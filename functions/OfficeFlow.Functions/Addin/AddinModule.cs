using System.IO.Compression;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.ResponseCompression;
using OfficeFlow.Functions.Hosting;

namespace OfficeFlow.Functions.Addin;

/// <summary>What the Office add-in needs from the host besides the API: CORS on /api for a deployed add-in and, in
/// standalone mode, the add-in's own files and config.json under /addin/.</summary>
public static class AddinModule
{
    public static IServiceCollection AddAddin(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Read when first needed, so test hosts' settings apply; UseAddin reads them at start-up, so a bad origin stops the app.
        services.AddSingleton(_ => AddinSettings.From(configuration));
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<AddinSettings>(AddinCors.Configure);
        // The panes' bundles (Fluent UI and React, ~700 KB of JavaScript) shrink about 3x: used only in the /addin/
        // branch, whose files hold no secrets, so compressing them over https is safe (no BREACH-style mixing).
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "text/xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>After error handling, before authentication: the /addin/ branch (the standalone host; the worker serves
    /// nothing but /api) and CORS, whose preflights carry no token.</summary>
    public static WebApplication UseAddin(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<AddinSettings>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AddinModule));
        app.Map(AddinFiles.PathPrefix, branch => AddinFiles.Configure(branch, settings, logger));

        app.UseCors();
        return app;
    }
}
