using OfficeFlow.Storage;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Storage;

public sealed class ConcurrentUpdateTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task FiftyConcurrentETagGuardedIncrements_EndExactlyAtFifty()
    {
        var table = await azurite.CreateTableAsync("Counter");
        await table.AddEntityAsync(new Note("counter", "c", count: 0));
        var conflicts = 0;

        async Task IncrementAsync()
        {
            while (true)
            {
                var current = (await table.GetEntityIfExistsAsync<Note>("counter", "c"))!;
                current.Count++;
                var result = await table.UpdateEntityAsync(current, current.ETag, TableUpdateMode.Replace);
                if (result.Status == TableWriteStatus.Ok)
                {
                    return;
                }

                Assert.Equal(TableWriteStatus.Conflict, result.Status);
                Interlocked.Increment(ref conflicts);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(IncrementAsync)));

        var final = await table.GetEntityIfExistsAsync<Note>("counter", "c");
        Assert.Equal(50, final!.Count);
        // Without the ETag guard, concurrent read-modify-write loses updates; the retries prove it was contended.
        Assert.True(conflicts > 0, "the increments never collided, so the test did not exercise the ETag guard");
    }
}
