using Azure.Identity;
using OfficeFlow.Storage;

namespace OfficeFlow.Functions.Storage;

/// <summary>Registers the Table Storage client from configuration (Storage:ConnectionString, or Storage:TableEndpoint with managed identity).</summary>
public static class StorageModule
{
    public const string DevelopmentConnectionString = "UseDevelopmentStorage=true";

    public static IServiceCollection AddTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => CreateServiceClient(configuration));
        services.AddSingleton(sp => new TableStore(sp.GetRequiredService<TableServiceClient>(), configuration["Storage:TablePrefix"]));
        return services;
    }

    /// <summary>
    /// A connection string wins when set; otherwise Storage:TableEndpoint is reached with an Entra ID
    /// identity (DefaultAzureCredential: the Function App's managed identity in Azure, the developer's
    /// az login locally), so no key is stored anywhere; with neither, the local Azurite.
    /// </summary>
    internal static TableServiceClient CreateServiceClient(IConfiguration configuration)
    {
        var connectionString = configuration["Storage:ConnectionString"];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new TableServiceClient(connectionString, ClientOptions());
        }

        var endpoint = configuration["Storage:TableEndpoint"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return new TableServiceClient(DevelopmentConnectionString, ClientOptions());
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var endpointUri) || endpointUri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException(
                "Storage:TableEndpoint must be the account's https table endpoint, e.g. https://myaccount.table.core.windows.net/ " +
                "(Entra ID tokens are only sent over https).");
        }

        var credentialOptions = new DefaultAzureCredentialOptions();
        var clientId = configuration["Storage:ManagedIdentityClientId"];
        if (!string.IsNullOrWhiteSpace(clientId))
        {
            credentialOptions.ManagedIdentityClientId = clientId;
        }

        return new TableServiceClient(endpointUri, new DefaultAzureCredential(credentialOptions), ClientOptions());
    }

    /// <summary>
    /// Azure.Core's retries (the one owner of retries for storage calls), tightened so that a call that gets no answer gives
    /// up within 4.5 s and the request gets its 503 (<see cref="Hosting.Errors.StorageOutage"/>) within 5 s: the defaults
    /// (3 retries from 0.8 s, a 100 s network timeout) kept a user waiting for minutes when storage was down. One quick
    /// retry still rides out a dropped connection; a table operation not answered within 2.2 s is not coming.
    /// </summary>
    internal static TableClientOptions ClientOptions()
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(100);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(2.2);
        return options;
    }
}
