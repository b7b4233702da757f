using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Storage;

/// <summary>Azure's limits that Azurite does not enforce are refused by the app's Table clients before sending. Each test
/// also sends the same write through a client without the guard, to show that Azurite alone would have taken it.</summary>
public sealed class TableLimitsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ATransactionAcrossPartitions_IsRefusedAndNothingIsWritten()
    {
        var (guarded, unguarded) = await TablesAsync();
        TableTransactionAction[] actions = [Add("p1", "a"), Add("p2", "b")];

        var error = await Assert.ThrowsAsync<TableLimitException>(() => guarded.SubmitTransactionAsync(actions));

        Assert.Contains("'p1', 'p2'", error.Message);
        Assert.Empty(await guarded.QueryAsync<TableEntity>().ToListAsync());
        await unguarded.SubmitTransactionAsync([Add("p1", "a"), Add("p2", "b")]);
        Assert.Equal(2, await unguarded.QueryAsync<TableEntity>().CountAsync());
    }

    [Fact]
    public async Task ATransactionOfMoreThanOneHundredActions_IsRefused_OneHundredAreWritten()
    {
        var (guarded, _) = await TablesAsync();

        var error = await Assert.ThrowsAsync<TableLimitException>(() => guarded.SubmitTransactionAsync(Enumerable.Range(0, 101).Select(i => Add("p", $"r{i:000}"))));
        Assert.Contains("101 actions", error.Message);
        Assert.Empty(await guarded.QueryAsync<TableEntity>().ToListAsync());

        await guarded.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => Add("p", $"r{i:000}")));
        Assert.Equal(100, await guarded.QueryAsync<TableEntity>().CountAsync());
    }

    [Fact]
    public async Task ATransactionWithDeletesInAnotherPartition_IsRefused()
    {
        var (guarded, _) = await TablesAsync();
        await guarded.AddEntityAsync(new TableEntity("p'1", "old"));

        await Assert.ThrowsAsync<TableLimitException>(() => guarded.SubmitTransactionAsync(
            [new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("p'1", "old")), Add("p2", "new")]));

        Assert.NotNull(await guarded.FindAsync<TableEntity>("p'1", "old"));
        await guarded.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("p'1", "old")), Add("p'1", "new")]);
    }

    [Fact]
    public async Task AStringOverSixtyFourKilobytes_IsRefused_OneAtTheLimitIsWritten()
    {
        var (guarded, _) = await TablesAsync();

        var error = await Assert.ThrowsAsync<TableLimitException>(() =>
            guarded.UpsertEntityAsync(new TableEntity("p", "long") { ["Note"] = new string('я', 32 * 1024 + 1) }));
        Assert.Contains("'Note'", error.Message);
        Assert.Null(await guarded.FindAsync<TableEntity>("p", "long"));

        await guarded.AddEntityAsync(new TableEntity("p", "long") { ["Note"] = new string('я', 32 * 1024) });
        Assert.Equal(32 * 1024, ((string)(await guarded.FindAsync<TableEntity>("p", "long"))!["Note"]).Length);
    }

    [Fact]
    public async Task MoreThan255Properties_AreRefused_255AreWritten()
    {
        var (guarded, unguarded) = await TablesAsync();

        var error = await Assert.ThrowsAsync<TableLimitException>(() => guarded.AddEntityAsync(WithProperties("many", 253)));
        Assert.Contains("256 properties", error.Message);
        Assert.Null(await guarded.FindAsync<TableEntity>("p", "many"));
        await unguarded.AddEntityAsync(WithProperties("many", 253));

        await guarded.AddEntityAsync(WithProperties("most", 252));
        Assert.Equal(252, (await guarded.FindAsync<TableEntity>("p", "most"))!.Keys.Count(k => k.StartsWith('N')));
    }

    [Fact]
    public async Task AnEntityOverOneMegabyte_IsRefused()
    {
        var (guarded, unguarded) = await TablesAsync();
        TableEntity Huge()
        {
            var huge = new TableEntity("p", "huge");
            for (var i = 0; i < 17; i++)
            {
                huge["Text" + i] = new string('x', 32 * 1024);
            }

            return huge;
        }

        var error = await Assert.ThrowsAsync<TableLimitException>(() => guarded.UpdateEntityAsync(Huge(), Azure.ETag.All, TableUpdateMode.Replace));

        Assert.Contains("1 MiB", error.Message);
        await unguarded.UpsertEntityAsync(Huge());
    }

    [Fact]
    public async Task AKeyWithAForbiddenCharacter_IsRefusedNamingIt()
    {
        var (guarded, _) = await TablesAsync();

        var error = await Assert.ThrowsAsync<TableLimitException>(() => guarded.AddEntityAsync(new TableEntity("клиент#1", "r")));

        Assert.Contains("'#'", error.Message);
    }

    private async Task<(TableClient Guarded, TableClient Unguarded)> TablesAsync()
    {
        var guarded = await azurite.CreateTableAsync("Limits");
        var unguarded = new TableServiceClient(azurite.ConnectionString).GetTableClient(AzuriteFixture.NewTablePrefix() + "Unguarded");
        await unguarded.CreateIfNotExistsAsync();
        return (guarded, unguarded);
    }

    private static TableTransactionAction Add(string partitionKey, string rowKey) =>
        new(TableTransactionActionType.Add, new TableEntity(partitionKey, rowKey) { ["Text"] = "x" });

    private static TableEntity WithProperties(string rowKey, int count)
    {
        var entity = new TableEntity("p", rowKey);
        for (var i = 0; i < count; i++)
        {
            entity["N" + i] = i;
        }

        return entity;
    }
}
