using Microsoft.AspNetCore.Cors.Infrastructure;
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
        return services;
    }

    /// <summary>After error handling, before authentication: the /addin/ branch (standalone only; the Functions host
    /// forwards nothing but /api) and CORS, whose preflights carry no token.</summary>
    public static WebApplication UseAddin(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<AddinSettings>();
        if (!app.Services.GetRequiredService<HostingSettings>().IsCustomHandler)
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AddinModule));
            app.Map(AddinFiles.PathPrefix, branch => AddinFiles.Configure(branch, settings, logger));
        }

        app.UseCors();
        return app;
    }
}
