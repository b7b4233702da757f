using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Storage;
using Azure.Data.Tables;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Storage;

public sealed class StorageModuleTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void WithoutSettings_TheLocalAzuriteIsUsed()
    {
        var client = StorageModule.CreateServiceClient(Config());

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), client.Uri);
    }

    [Fact]
    public void ATableEndpointWithoutConnectionString_UsesAnEntraIdentity()
    {
        var client = StorageModule.CreateServiceClient(Config(
            ("Storage:TableEndpoint", "https://officeflow.table.core.windows.net/"),
            ("Storage:ManagedIdentityClientId", "00000000-0000-0000-0000-000000000001")));

        Assert.Equal(new Uri("https://officeflow.table.core.windows.net/"), client.Uri);
    }

    [Fact]
    public void AnHttpTableEndpoint_IsRefusedBecauseTokensNeedHttps()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            StorageModule.CreateServiceClient(Config(("Storage:TableEndpoint", "http://officeflow.table.core.windows.net"))));

        Assert.Contains("https", error.Message);
    }

    [Fact]
    public async Task TheRegisteredTableStore_CreatesPrefixedTablesInTheConfiguredAccount()
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        var services = new ServiceCollection()
            .AddTableStorage(Config(("Storage:ConnectionString", azurite.ConnectionString), ("Storage:TablePrefix", prefix)))
            .BuildServiceProvider();
        var store = services.GetRequiredService<TableStore>();

        var table = await store.GetTableAsync("Clients");
        await table.TryAddAsync(new Note("p", "r", "stored"));

        Assert.Equal(prefix + "Clients", table.Name);
        var listed = await azurite.CreateServiceClient().QueryAsync(TableClient.CreateQueryFilter($"TableName eq {prefix + "Clients"}")).ToListAsync();
        Assert.Single(listed);
        Assert.Same(table, await store.GetTableAsync("Clients"));
    }
}
