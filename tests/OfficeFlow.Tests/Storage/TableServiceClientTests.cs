using Azure;
using OfficeFlow.Storage;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Storage;

public sealed class TableServiceClientTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task CreateIfNotExists_IsIdempotentAndTheTableIsListed()
    {
        var service = azurite.CreateServiceClient();
        var prefix = AzuriteFixture.NewTablePrefix();
        var table = service.GetTableClient(prefix + "Clients");

        await table.CreateIfNotExistsAsync();
        await table.CreateIfNotExistsAsync();
        await service.GetTableClient(prefix + "Invoices").CreateIfNotExistsAsync();

        var all = await service.QueryTablesAsync().ToListAsync();
        var mine = await service.QueryTablesAsync(TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}")).ToListAsync();
        Assert.Contains(prefix + "Clients", all);
        Assert.Equal([prefix + "Clients", prefix + "Invoices"], mine.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DeleteTable_RemovesItAndItsRows_AndAMissingTableIsNoError()
    {
        var table = await azurite.CreateTableAsync("Doomed");
        await table.AddEntityAsync(new Note("p", "r"));

        await table.DeleteAsync();
        await table.DeleteAsync();

        var left = await azurite.CreateServiceClient().QueryTablesAsync(TableClient.CreateQueryFilter($"TableName eq {table.Name}")).ToListAsync();
        Assert.Empty(left);
        await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new Note("p", "r2")));
    }

    [Fact]
    public async Task QueryTables_FollowsContinuationAcrossPages()
    {
        var service = azurite.CreateServiceClient();
        var prefix = AzuriteFixture.NewTablePrefix();
        var names = Enumerable.Range(0, 5).Select(i => $"{prefix}T{i}").ToArray();
        foreach (var name in names)
        {
            await service.GetTableClient(name).CreateIfNotExistsAsync();
        }

        var listed = await service.QueryTablesAsync(TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}")).ToListAsync();

        Assert.Equal(names, listed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1abc")]
    [InlineData("has-dash")]
    [InlineData("Tables")]
    [InlineData("")]
    public void GetTableClient_WithAnInvalidName_SaysWhatAValidNameIs(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => azurite.CreateServiceClient().GetTableClient(name));

        Assert.Contains("3 to 63 ASCII letters and digits", error.Message);
    }

    [Fact]
    public async Task AWrongAccountKey_IsRefusedByTheService()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var service = new TableServiceClient(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={wrongKey};TableEndpoint={azurite.TableEndpoint};",
            new TableClientOptions { Retry = { MaxRetries = 0 } });

        var error = await Assert.ThrowsAsync<RequestFailedException>(async () => await service.QueryTablesAsync().ToListAsync());

        Assert.Equal(403, error.Status);
        Assert.DoesNotContain(wrongKey, error.Message);
    }

    [Fact]
    public void Uri_IsTheAccountsTableEndpoint()
    {
        Assert.Equal(azurite.TableEndpoint, azurite.CreateServiceClient().Uri);
    }
}
