using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Storage;

public sealed class ConcurrentUpdateTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task FiftyConcurrentETagGuardedIncrements_EndExactlyAtFifty()
    {
        var table = await azurite.CreateTableAsync("Counter");
        await table.TryAddAsync(new Note("counter", "c", count: 0));
        var conflicts = 0;

        async Task IncrementAsync()
        {
            while (true)
            {
                var current = (await table.FindAsync<Note>("counter", "c"))!;
                current.Count++;
                var result = await table.TryUpdateAsync(current, current.ETag, TableUpdateMode.Replace);
                if (result == TableWriteStatus.Ok)
                {
                    return;
                }

                Assert.Equal(TableWriteStatus.Conflict, result);
                Interlocked.Increment(ref conflicts);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(IncrementAsync)));

        var final = await table.FindAsync<Note>("counter", "c");
        Assert.Equal(50, final!.Count);
        // Without the ETag guard, concurrent read-modify-write loses updates; the retries prove it was contended.
        Assert.True(conflicts > 0, "the increments never collided, so the test did not exercise the ETag guard");
    }
}
