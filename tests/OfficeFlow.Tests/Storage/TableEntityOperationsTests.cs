using Azure;
using OfficeFlow.Storage;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Storage;

public sealed class TableEntityOperationsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AddThenGet_ReturnsTheStoredEntityWithETagAndTimestamp()
    {
        var table = await azurite.CreateTableAsync("Ops");
        var added = await table.AddEntityAsync(new Item { PartitionKey = "p", RowKey = "r", Name = "Anna", Count = 3 });

        var read = await table.GetEntityIfExistsAsync<Item>("p", "r");

        Assert.Equal(TableWriteStatus.Ok, added.Status);
        Assert.NotNull(read);
        Assert.Equal("Anna", read.Name);
        Assert.Equal(3, read.Count);
        Assert.Equal(added.ETag, read.ETag);
        Assert.NotNull(read.Timestamp);
    }

    public sealed class Item : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public string? Name { get; set; }
        public int Count { get; set; }
    }
}
