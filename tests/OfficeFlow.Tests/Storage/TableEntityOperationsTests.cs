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
        var note = new Note("p", "r", "Anna", 3);
        var added = await table.AddEntityAsync(note);

        var read = await table.GetEntityIfExistsAsync<Note>("p", "r");

        Assert.Equal(TableWriteStatus.Ok, added.Status);
        Assert.NotEqual(default, added.ETag);
        Assert.Equal(added.ETag, note.ETag);
        Assert.NotNull(read);
        Assert.Equal(("p", "r", "Anna", 3), (read.PartitionKey, read.RowKey, read.Text, read.Count));
        Assert.Equal(added.ETag, read.ETag);
        Assert.NotNull(read.Timestamp);
    }

    [Fact]
    public async Task Add_ExistingKeys_ReportsAlreadyExistsAndKeepsTheFirstEntity()
    {
        var table = await azurite.CreateTableAsync("Ops");
        await table.AddEntityAsync(new Note("p", "r", "first"));

        var second = await table.AddEntityAsync(new Note("p", "r", "second"));

        Assert.Equal(TableWriteStatus.AlreadyExists, second.Status);
        Assert.False(second.Succeeded);
        Assert.Equal("first", (await table.GetEntityIfExistsAsync<Note>("p", "r"))!.Text);
    }

    [Fact]
    public async Task Get_MissingEntity_ReturnsNull()
    {
        var table = await azurite.CreateTableAsync("Ops");

        Assert.Null(await table.GetEntityIfExistsAsync<Note>("p", "nobody"));
    }

    [Fact]
    public async Task Get_WithSelect_ReadsOnlyTheNamedProperties()
    {
        var table = await azurite.CreateTableAsync("Ops");
        await table.AddEntityAsync(new Note("p", "r", "text", 7) { Extra = "extra" });

        var read = await table.GetEntityIfExistsAsync<Note>("p", "r", ["Count"]);

        Assert.NotNull(read);
        Assert.Equal(7, read.Count);
        Assert.Null(read.Text);
        Assert.Null(read.Extra);
    }

    [Fact]
    public async Task UpsertMerge_KeepsPropertiesTheRequestLeavesOut()
    {
        var table = await azurite.CreateTableAsync("Ops");
        await table.UpsertEntityAsync(new Note("p", "r", "text", 1) { Extra = "kept" });

        var result = await table.UpsertEntityAsync(new Note("p", "r", "changed", 2), TableUpdateMode.Merge);

        var read = await table.GetEntityIfExistsAsync<Note>("p", "r");
        Assert.True(result.Succeeded);
        Assert.Equal(("changed", 2, "kept"), (read!.Text, read.Count, read.Extra));
    }

    [Fact]
    public async Task UpsertReplace_RemovesPropertiesTheRequestLeavesOut()
    {
        var table = await azurite.CreateTableAsync("Ops");
        await table.UpsertEntityAsync(new Note("p", "r", "text", 1) { Extra = "dropped" }, TableUpdateMode.Replace);

        await table.UpsertEntityAsync(new Note("p", "r", "changed", 2), TableUpdateMode.Replace);

        var read = await table.GetEntityIfExistsAsync<Note>("p", "r");
        Assert.Equal(("changed", 2, (string?)null), (read!.Text, read.Count, read.Extra));
    }

    [Fact]
    public async Task Update_WithCurrentETag_AppliesAndReturnsANewETag()
    {
        var table = await azurite.CreateTableAsync("Ops");
        var added = await table.AddEntityAsync(new Note("p", "r", "v1"));

        var updated = await table.UpdateEntityAsync(new Note("p", "r", "v2"), added.ETag, TableUpdateMode.Replace);

        Assert.Equal(TableWriteStatus.Ok, updated.Status);
        Assert.NotEqual(added.ETag, updated.ETag);
        Assert.Equal("v2", (await table.GetEntityIfExistsAsync<Note>("p", "r"))!.Text);
    }

    [Fact]
    public async Task Update_WithStaleETag_ReportsConflictAndChangesNothing()
    {
        var table = await azurite.CreateTableAsync("Ops");
        var added = await table.AddEntityAsync(new Note("p", "r", "v1"));
        await table.UpdateEntityAsync(new Note("p", "r", "v2"), added.ETag);

        var stale = await table.UpdateEntityAsync(new Note("p", "r", "v3"), added.ETag);

        Assert.Equal(TableWriteStatus.Conflict, stale.Status);
        Assert.Equal("v2", (await table.GetEntityIfExistsAsync<Note>("p", "r"))!.Text);
    }

    [Fact]
    public async Task Update_MissingEntity_ReportsNotFoundAndCreatesNothing()
    {
        var table = await azurite.CreateTableAsync("Ops");

        var result = await table.UpdateEntityAsync(new Note("p", "ghost", "x"), ETag.All);

        Assert.Equal(TableWriteStatus.NotFound, result.Status);
        Assert.Null(await table.GetEntityIfExistsAsync<Note>("p", "ghost"));
    }

    [Fact]
    public async Task Update_WithoutAnETag_IsRejectedBeforeSending()
    {
        var table = azurite.CreateServiceClient().GetTableClient("NeverCreated");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.UpdateEntityAsync(new Note("p", "r"), default));

        Assert.Contains("ETag.All", error.Message);
    }

    [Fact]
    public async Task UpdateMergeWithETagAll_OverwritesWhateverIsStored()
    {
        var table = await azurite.CreateTableAsync("Ops");
        await table.AddEntityAsync(new Note("p", "r", "v1", 1));

        var result = await table.UpdateEntityAsync(new Note("p", "r", "v2", 1), ETag.All, TableUpdateMode.Merge);

        Assert.True(result.Succeeded);
        Assert.Equal("v2", (await table.GetEntityIfExistsAsync<Note>("p", "r"))!.Text);
    }

    [Fact]
    public async Task Delete_ExistingEntity_RemovesIt()
    {
        var table = await azurite.CreateTableAsync("Ops");
        await table.AddEntityAsync(new Note("p", "r"));

        var result = await table.DeleteEntityAsync("p", "r");

        Assert.Equal(TableWriteStatus.Ok, result.Status);
        Assert.Null(await table.GetEntityIfExistsAsync<Note>("p", "r"));
    }

    [Fact]
    public async Task Delete_MissingEntity_ReportsNotFound()
    {
        var table = await azurite.CreateTableAsync("Ops");

        var result = await table.DeleteEntityAsync("p", "ghost");

        Assert.Equal(TableWriteStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task Delete_WithStaleETag_ReportsConflictAndKeepsTheEntity()
    {
        var table = await azurite.CreateTableAsync("Ops");
        var added = await table.AddEntityAsync(new Note("p", "r", "v1"));
        await table.UpdateEntityAsync(new Note("p", "r", "v2"), added.ETag);

        var result = await table.DeleteEntityAsync("p", "r", added.ETag);

        Assert.Equal(TableWriteStatus.Conflict, result.Status);
        Assert.NotNull(await table.GetEntityIfExistsAsync<Note>("p", "r"));
    }

    [Fact]
    public async Task Delete_WithCurrentETag_RemovesIt()
    {
        var table = await azurite.CreateTableAsync("Ops");
        var added = await table.AddEntityAsync(new Note("p", "r"));

        var result = await table.DeleteEntityAsync("p", "r", added.ETag);

        Assert.True(result.Succeeded);
        Assert.Null(await table.GetEntityIfExistsAsync<Note>("p", "r"));
    }

    [Theory]
    [InlineData("O'Brien", "it's")]
    [InlineData("with space", "a&b=c+d%20")]
    [InlineData("Кириллица", "日本語 ü")]
    [InlineData("", "")]
    [InlineData("(paren)", "a,b;c:d@e$f!g*h")]
    public async Task KeysWithQuotesSpacesAndUnicode_RoundTripThroughEveryOperation(string partitionKey, string rowKey)
    {
        var table = await azurite.CreateTableAsync("Keys");

        var added = await table.AddEntityAsync(new Note(partitionKey, rowKey, "v1"));
        var updated = await table.UpdateEntityAsync(new Note(partitionKey, rowKey, "v2"), added.ETag);
        var read = await table.GetEntityIfExistsAsync<Note>(partitionKey, rowKey);
        var queried = await table.QueryAsync<Note>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey eq {rowKey}")).ToListAsync();
        var deleted = await table.DeleteEntityAsync(partitionKey, rowKey, updated.ETag);

        Assert.Equal((TableWriteStatus.Ok, TableWriteStatus.Ok, TableWriteStatus.Ok), (added.Status, updated.Status, deleted.Status));
        Assert.Equal((partitionKey, rowKey, "v2"), (read!.PartitionKey, read.RowKey, read.Text));
        Assert.Equal("v2", Assert.Single(queried).Text);
        Assert.Null(await table.GetEntityIfExistsAsync<Note>(partitionKey, rowKey));
    }

    [Fact]
    public async Task Writes_WithAForbiddenKeyCharacter_AreRejectedBeforeSending()
    {
        // The table does not exist: reaching the service would give a different error.
        var table = azurite.CreateServiceClient().GetTableClient("NeverCreated");
        var bad = new Note("a/b", "r");

        await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(bad));
        await Assert.ThrowsAsync<ArgumentException>(() => table.UpsertEntityAsync(bad));
        await Assert.ThrowsAsync<ArgumentException>(() => table.UpdateEntityAsync(bad, ETag.All));
        await Assert.ThrowsAsync<ArgumentException>(() => table.DeleteEntityAsync("p", "r#1"));
        await Assert.ThrowsAsync<ArgumentException>(() => table.GetEntityIfExistsAsync<Note>("p", "r?"));
    }

    [Fact]
    public async Task Operations_OnAMissingTable_ThrowRequestFailedNamingTheTable()
    {
        var table = azurite.CreateServiceClient().GetTableClient(AzuriteFixture.NewTablePrefix() + "Missing");

        var add = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new Note("p", "r")));
        var update = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new Note("p", "r"), ETag.All));

        Assert.Equal(404, add.Status);
        Assert.Equal("TableNotFound", add.ErrorCode);
        Assert.Contains(table.Name, add.Message);
        Assert.Equal(404, update.Status);
        await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityIfExistsAsync<Note>("p", "r"));
        await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r"));
    }
}
