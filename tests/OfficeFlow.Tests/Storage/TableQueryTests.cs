using Azure.Core;
using Azure.Core.Pipeline;
using OfficeFlow.Storage;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Storage;

public sealed class TableQueryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Query_OverMoreThanOneThousandEntities_FollowsContinuationToTheEnd()
    {
        var table = await azurite.CreateTableAsync("Many");
        for (var batch = 0; batch < 25; batch++)
        {
            var actions = Enumerable.Range(batch * 100, 100)
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new Note("many", i.ToString("D5"), count: i)));
            await table.SubmitTransactionAsync(actions);
        }

        var counter = new RequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var observed = azurite.CreateServiceClient(options).GetTableClient(table.Name);

        var all = await observed.QueryAsync<Note>(TableClient.CreateQueryFilter($"PartitionKey eq {"many"}")).ToListAsync();
        var firstRequests = (counter.Queries, counter.Continuations);
        var paged = await observed.QueryAsync<Note>(maxPerPage: 100).ToListAsync();

        Assert.Equal(2500, all.Count);
        Assert.Equal(Enumerable.Range(0, 2500), all.Select(n => n.Count));
        Assert.True(firstRequests.Queries >= 3, $"a 1,000-row page limit means at least 3 pages, saw {firstRequests.Queries}");
        Assert.Equal(firstRequests.Queries - 1, firstRequests.Continuations);
        Assert.Equal(2500, paged.Count);
        Assert.Equal(2500, paged.Select(n => n.RowKey).Distinct().Count());
        Assert.Equal(25, counter.Queries - firstRequests.Queries);
    }

    [Fact]
    public async Task Query_WithFilterSelectAndTop_ReturnsOnlyWhatWasAskedFor()
    {
        var table = await azurite.CreateTableAsync("Filter");
        for (var i = 0; i < 10; i++)
        {
            await table.AddEntityAsync(new Note("p", $"r{i}", $"text{i}", i) { Extra = "x" });
        }

        var found = await table.QueryAsync<Note>(
            TableClient.CreateQueryFilter($"PartitionKey eq {"p"} and Count ge {5}"), maxPerPage: 2, select: ["Count"]).ToListAsync();

        Assert.Equal([5, 6, 7, 8, 9], found.Select(n => n.Count));
        Assert.All(found, n => Assert.Null(n.Text));
        Assert.All(found, n => Assert.NotEqual(default, n.ETag));
    }

    [Fact]
    public async Task Query_ByTypedValues_MatchesLongGuidDateAndDouble()
    {
        var table = await azurite.CreateTableAsync("Typed");
        var id = Guid.NewGuid();
        var when = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.FromHours(3));
        await table.AddEntityAsync(new AllTypesEntity { PartitionKey = "p", RowKey = "hit", Big = 5_000_000_000L, Id = id, When = when, Ratio = 2.0, Flag = true, Data = [0xAB, 0x01] });
        await table.AddEntityAsync(new AllTypesEntity { PartitionKey = "p", RowKey = "miss", Big = 1, Id = Guid.NewGuid(), Ratio = 0.5 });

        async Task<string[]> Keys(FormattableString filter) =>
            (await table.QueryAsync<AllTypesEntity>(TableClient.CreateQueryFilter(filter)).ToListAsync()).Select(e => e.RowKey).ToArray();

        Assert.Equal(["hit"], await Keys($"Big gt {4_000_000_000L}"));
        Assert.Equal(["hit"], await Keys($"Id eq {id}"));
        Assert.Equal(["hit"], await Keys($"When ge {when.AddSeconds(-1)} and When le {when.AddSeconds(1)}"));
        Assert.Equal(["hit"], await Keys($"Ratio eq {2.0}"));
        Assert.Equal(["hit"], await Keys($"Flag eq {true}"));
        Assert.Equal(["hit"], await Keys($"State eq {InvoiceState.Draft} and Amount eq {0m} and Big ne {1L}"));
    }

    [Fact]
    public async Task Query_WithAValueHoldingQuotes_FindsExactlyThatValue()
    {
        var table = await azurite.CreateTableAsync("Quotes");
        await table.AddEntityAsync(new Note("p", "1", "O'Brien's \"file\""));
        await table.AddEntityAsync(new Note("p", "2", "OBriens"));

        var found = await table.QueryAsync<Note>(TableClient.CreateQueryFilter($"Text eq {"O'Brien's \"file\""}")).ToListAsync();

        Assert.Equal("1", Assert.Single(found).RowKey);
    }

    [Fact]
    public async Task Query_WithAnInjectionAttempt_ReturnsNothing()
    {
        var table = await azurite.CreateTableAsync("Inject");
        await table.AddEntityAsync(new Note("p", "1", "secret"));
        await table.AddEntityAsync(new Note("p", "2", "other"));
        var userInput = "x' or 1 eq 1 or Text eq 'x";

        var found = await table.QueryAsync<Note>(TableClient.CreateQueryFilter($"Text eq {userInput}")).ToListAsync();
        var raw = await table.QueryAsync<Note>($"Text eq '{userInput}'").ToListAsync();

        Assert.Empty(found);
        Assert.Equal(2, raw.Count); // what raw concatenation would have leaked
    }

    [Fact]
    public async Task Query_WithoutFilter_ReturnsEveryEntityAndNothingOnAnEmptyTable()
    {
        var table = await azurite.CreateTableAsync("All");
        Assert.Empty(await table.QueryAsync<Note>().ToListAsync());

        await table.AddEntityAsync(new Note("a", "1"));
        await table.AddEntityAsync(new Note("b", "1"));

        Assert.Equal(["a", "b"], (await table.QueryAsync<TableEntity>().ToListAsync()).Select(e => e.PartitionKey));
    }

    [Fact]
    public async Task Query_OnAMissingTable_Throws()
    {
        var table = azurite.CreateServiceClient().GetTableClient(AzuriteFixture.NewTablePrefix() + "Missing");

        var error = await Assert.ThrowsAsync<Azure.RequestFailedException>(async () => await table.QueryAsync<Note>().ToListAsync());

        Assert.Equal(404, error.Status);
    }

    [Fact]
    public void Query_WithAnOutOfRangePageSize_IsRejected()
    {
        var table = azurite.CreateServiceClient().GetTableClient("NeverCreated");

        Assert.Throws<ArgumentOutOfRangeException>(() => table.QueryAsync<Note>(maxPerPage: 1001));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.QueryAsync<Note>(maxPerPage: 0));
    }

    /// <summary>Counts the query requests the client really sends (one per page).</summary>
    private sealed class RequestCounter : HttpPipelineSynchronousPolicy
    {
        private int _queries;
        private int _continuations;

        public int Queries => _queries;

        public int Continuations => _continuations;

        public override void OnSendingRequest(HttpMessage message)
        {
            if (message.Request.Method == RequestMethod.Get && message.Request.Uri.Path.EndsWith("()", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _queries);
                if (message.Request.Uri.Query.Contains("NextPartitionKey=", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _continuations);
                }
            }
        }
    }
}
