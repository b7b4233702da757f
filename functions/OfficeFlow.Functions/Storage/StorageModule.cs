using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;

namespace OfficeFlow.Functions.Storage;

/// <summary>Registers the Table Storage client from configuration (Storage:ConnectionString, or Storage:TableEndpoint with managed identity).</summary>
public static class StorageModule
{
    public const string DevelopmentConnectionString = "UseDevelopmentStorage=true";

    public static IServiceCollection AddTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => CreateServiceClient(configuration));
        services.AddSingleton(sp => new TableStore(sp.GetRequiredService<TableServiceClient>(), configuration["Storage:TablePrefix"]));
        services.AddSingleton(sp => new ContentionRetry(sp.GetService<TimeProvider>() ?? TimeProvider.System));
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
            return new TableServiceClient(connectionString, CreateClientOptions());
        }

        var endpoint = configuration["Storage:TableEndpoint"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return new TableServiceClient(DevelopmentConnectionString, CreateClientOptions());
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

        return new TableServiceClient(endpointUri, new DefaultAzureCredential(credentialOptions), CreateClientOptions());
    }

    /// <summary>
    /// Storage options for users who wait on an answer: a storage endpoint that is not there (refused, unknown host,
    /// or silent to a TCP connect) fails a request within about 2 s, as a <see cref="Azure.RequestFailedException"/>
    /// with Status 0 that the error mapping turns into 503 + Retry-After; Azure.Core's defaults would try 4 times
    /// with up to 100 s each. A live but slow service gets <see cref="NetworkTimeout"/> per try, and one retry
    /// absorbs a dropped connection or a 503 ServerBusy; inside an HTTP request both are cut to what is left of the
    /// request's <see cref="StorageDeadline"/> (<see cref="StorageDeadlinePolicy"/>), so a service that accepts the
    /// connection and never answers costs the user the budget, not 5 s per try and a retry. Every write also passes
    /// <see cref="TableLimitsPolicy"/>.
    /// </summary>
    public static TableClientOptions CreateClientOptions()
    {
        var options = new TableClientOptions
        {
            RetryPolicy = new StorageRetryPolicy(MaxRetries, RetryDelay),
            Transport = new HttpClientTransport(new SocketsHttpHandler
            {
                ConnectTimeout = ConnectTimeout,
                UseCookies = false,
                // Re-resolve the account's address now and then, as Azure.Core's own transport does.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            }),
        };
        options.Retry.NetworkTimeout = NetworkTimeout;
        // Per call, so a write that Azure would refuse is refused once, before the retry policy, and never sent.
        options.AddPolicy(new TableLimitsPolicy(), HttpPipelinePosition.PerCall);
        // Per try, so each try (the retry included) gets only what is left of its request's storage budget.
        options.AddPolicy(new StorageDeadlinePolicy(NetworkTimeout), HttpPipelinePosition.PerRetry);
        return options;
    }

    /// <summary>Retries after the first try (408, 429, 5xx, timeouts, dropped connections; not a refused connection).</summary>
    public const int MaxRetries = 1;

    /// <summary>The pause before the retry.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>A TCP connect to a storage endpoint takes milliseconds; one that has not answered in 0.8 s is not there.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromMilliseconds(800);

    /// <summary>How long one try waits for a connected service's answer. Generous, because a loaded Azurite (tests on a
    /// busy machine) can take over a second; a dead endpoint is caught by <see cref="ConnectTimeout"/> instead.</summary>
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(5);
}
