using Azure;
using OfficeFlow.Storage;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Storage;

public sealed class TableTransactionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Transaction_WithEveryActionType_AppliesAllAndReturnsETags()
    {
        var table = await azurite.CreateTableAsync("Tx");
        var toUpdate = await table.AddEntityAsync(new Note("p", "update", "old", 1) { Extra = "kept" });
        await table.AddEntityAsync(new Note("p", "replace", "old", 1) { Extra = "dropped" });
        await table.AddEntityAsync(new Note("p", "delete"));
        await table.AddEntityAsync(new Note("p", "upsertMerge", "old") { Extra = "kept" });

        var results = await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new Note("p", "add", "new")),
            new(TableTransactionActionType.UpdateMerge, new Note("p", "update", "new", 2), toUpdate.ETag),
            new(TableTransactionActionType.UpdateReplace, new Note("p", "replace", "new", 2)),
            new(TableTransactionActionType.Delete, new Note("p", "delete")),
            new(TableTransactionActionType.UpsertMerge, new Note("p", "upsertMerge", "new")),
            new(TableTransactionActionType.UpsertReplace, new Note("p", "upsertReplace", "new")),
        ]);

        Assert.Equal(6, results.Count);
        Assert.All(results, r => Assert.Equal(TableWriteStatus.Ok, r.Status));
        Assert.All(results.Where((_, i) => i != 3), r => Assert.NotEqual(default, r.ETag));
        var stored = (await table.QueryAsync<Note>().ToListAsync()).ToDictionary(n => n.RowKey);
        Assert.Equal(["add", "replace", "update", "upsertMerge", "upsertReplace"], stored.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("new", 2, "kept"), (stored["update"].Text, stored["update"].Count, stored["update"].Extra));
        Assert.Null(stored["replace"].Extra);
        Assert.Equal("kept", stored["upsertMerge"].Extra);
        Assert.Equal(results[0].ETag, stored["add"].ETag);
    }

    [Fact]
    public async Task FailingTransaction_WritesNothingAndNamesTheFailingAction()
    {
        var table = await azurite.CreateTableAsync("Tx");
        await table.AddEntityAsync(new Note("p", "existing", "original"));

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new Note("p", "a")),
            new(TableTransactionActionType.UpsertReplace, new Note("p", "b")),
            new(TableTransactionActionType.Add, new Note("p", "existing", "overwritten?")),
            new(TableTransactionActionType.Add, new Note("p", "c")),
        ]));

        Assert.Equal(2, error.FailedActionIndex);
        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Contains("action 2", error.Message);
        Assert.Contains("Nothing of it was written", error.Message);
        var stored = await table.QueryAsync<Note>().ToListAsync();
        Assert.Equal("original", Assert.Single(stored).Text);
    }

    [Fact]
    public async Task TransactionWithAStaleETag_FailsWithConflictAtThatAction()
    {
        var table = await azurite.CreateTableAsync("Tx");
        var first = await table.AddEntityAsync(new Note("p", "r", "v1"));
        await table.UpdateEntityAsync(new Note("p", "r", "v2"), first.ETag);

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new Note("p", "new")),
            new(TableTransactionActionType.UpdateReplace, new Note("p", "r", "v3"), first.ETag),
        ]));

        Assert.Equal(1, error.FailedActionIndex);
        Assert.Equal(412, error.Status);
        Assert.Equal("v2", Assert.Single(await table.QueryAsync<Note>().ToListAsync()).Text);
    }

    [Fact]
    public async Task Transaction_WithQuotesSpacesAndUnicodeInKeys_AddressesTheRightEntities()
    {
        var table = await azurite.CreateTableAsync("Tx");
        const string partition = "ООО «Ромашка» O'Brien & Co";
        await table.AddEntityAsync(new Note(partition, "it's 1", "old"));

        await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.UpdateMerge, new Note(partition, "it's 1", "new")),
            new(TableTransactionActionType.Add, new Note(partition, "日本 2", "added")),
        ]);

        var stored = await table.QueryAsync<Note>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")).ToListAsync();
        Assert.Equal([("it's 1", "new"), ("日本 2", "added")], stored.Select(n => (n.RowKey, n.Text!)));
    }

    [Fact]
    public async Task MoreThanOneHundredActions_AreRejectedBeforeSending()
    {
        var table = azurite.CreateServiceClient().GetTableClient("NeverCreated");
        var actions = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new Note("p", i.ToString())));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(actions));

        Assert.Contains("101 actions", error.Message);
        Assert.Contains("at most 100", error.Message);
    }

    [Fact]
    public async Task MixedPartitions_AreRejectedBeforeSending()
    {
        var table = azurite.CreateServiceClient().GetTableClient("NeverCreated");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new Note("one", "1")),
            new(TableTransactionActionType.Add, new Note("two", "2")),
        ]));

        Assert.Contains("action 1 is in partition 'two'", error.Message);
    }

    [Fact]
    public async Task TheSameEntityTwice_EmptyAndInvalidKeys_AreRejectedBeforeSending()
    {
        var table = azurite.CreateServiceClient().GetTableClient("NeverCreated");

        var twice = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new Note("p", "1")),
            new(TableTransactionActionType.Delete, new Note("p", "1")),
        ]));
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([]));
        var badKey = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            [new(TableTransactionActionType.Add, new Note("p", "a#b"))]));

        Assert.Contains("RowKey '1' again", twice.Message);
        Assert.Contains("no actions", empty.Message);
        Assert.Contains("action 0", badKey.Message);
        Assert.Contains("'#'", badKey.Message);
    }

    [Fact]
    public async Task OneHundredActions_AreAccepted()
    {
        var table = await azurite.CreateTableAsync("Tx");

        var results = await table.SubmitTransactionAsync(
            Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertMerge, new Note("p", i.ToString("D3")))));

        Assert.Equal(100, results.Count);
        Assert.Equal(100, (await table.QueryAsync<Note>().ToListAsync()).Count);
    }
}
