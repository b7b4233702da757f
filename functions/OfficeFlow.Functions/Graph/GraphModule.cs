using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace OfficeFlow.Functions.Graph;

/// <summary>
/// Registers Microsoft Graph (when configured) or the local-folder stand-ins for mail and documents.
/// Capabilities take <see cref="IMailSender"/>, <see cref="IDocumentStore"/>, <see cref="GraphSettings"/>
/// (<c>IsConfigured</c> tells whether there is a mailbox to read), the app-only <see cref="GraphServiceClient"/>
/// (timers; resolving it in local mode throws) and <see cref="IGraphClientFactory"/> (on-behalf-of the caller).
/// </summary>
public static class GraphModule
{
    public static IServiceCollection AddGraph(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Settings are read when first needed (test hosts add theirs after this runs); GraphStartupCheck
        // reads them at start-up, so a half configuration stops the app naming the missing setting.
        services.AddSingleton(_ => GraphSettings.Load(configuration));
        services.AddHostedService<GraphStartupCheck>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => GraphAppCredential.From(Configured(sp)));
        services.AddSingleton(sp =>
        {
            var settings = Configured(sp);
            var provider = new AzureIdentityAuthenticationProvider(
                sp.GetRequiredService<GraphAppCredential>().Credential, GraphClients.AllowedHosts(settings.BaseUrl), null, true, settings.DefaultScope);
            return GraphClients.Create(provider, settings.BaseUrl);
        });
        // Production registers no IMsalHttpClientFactory (MSAL uses its own); tests register one that sends MSAL's token requests to a loopback stub.
        services.AddSingleton<IGraphClientFactory>(sp => new OnBehalfOfGraphClientFactory(Configured(sp), sp.GetService<Microsoft.Identity.Client.IMsalHttpClientFactory>()));

        services.AddSingleton<IMailSender>(sp =>
        {
            var settings = sp.GetRequiredService<GraphSettings>();
            return settings.IsConfigured
                ? new GraphMailSender(sp.GetRequiredService<GraphServiceClient>(), settings)
                : new LocalOutboxMailSender(settings, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IDocumentStore>(sp =>
        {
            var settings = sp.GetRequiredService<GraphSettings>();
            return settings.HasDrive
                ? new GraphDocumentStore(sp.GetRequiredService<GraphServiceClient>(), settings)
                : new LocalFolderDocumentStore(settings);
        });
        return services;
    }

    private static GraphSettings Configured(IServiceProvider services)
    {
        var settings = services.GetRequiredService<GraphSettings>();
        return settings.IsConfigured
            ? settings
            : throw new InvalidOperationException("Microsoft Graph is not configured (local mode): check GraphSettings.IsConfigured before asking for a Graph client.");
    }
}
