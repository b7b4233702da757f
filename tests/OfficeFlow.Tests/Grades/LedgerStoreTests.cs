using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Grades.Computation;
using OfficeFlow.Functions.Grades.Ledger;
using OfficeFlow.Functions.Storage;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Grades;

public sealed class LedgerStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly TableStore _tables = new(azurite.CreateServiceClient(), AzuriteFixture.NewTablePrefix());

    private (LedgerStore Store, ITaskRecorder Recorder) CreateSut()
    {
        var store = new LedgerStore(_tables, new GradesSettings { Zone = GradesTestData.Moscow });
        var recorder = new TableTaskRecorder(store, Microsoft.Extensions.Logging.Abstractions.NullLogger<TableTaskRecorder>.Instance);
        return (store, recorder);
    }

    private static readonly GradesMonth October = new(2026, 10);

    [Fact]
    public async Task Record_SameSourceTwice_CountsOnce()
    {
        var (store, recorder) = CreateSut();
        var contract = new TaskEvent("anna", "2.4", new DateTimeOffset(2026, 10, 5, 11, 0, 0, TimeSpan.FromHours(3)), "contract:2026-0015", "c-romashka", "Договор № 2026-0015");

        await recorder.RecordAsync(contract);
        await recorder.RecordAsync(contract);

        var entry = Assert.Single(await store.ReadMonthAsync(October));
        Assert.Equal("2.4", entry.TaskCode);
        Assert.Equal(LedgerSource.Automatic, entry.Source);
        Assert.Equal("contract:2026-0015", entry.SourceId);
    }

    [Fact]
    public async Task Record_ConcurrentDuplicates_CountOnce()
    {
        var (store, recorder) = CreateSut();
        var contact = new TaskEvent("anna", "5.5", new DateTimeOffset(2026, 10, 6, 9, 30, 0, TimeSpan.FromHours(3)), "email:<a1b2@mail.example>");

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => recorder.RecordAsync(contact)));

        Assert.Single(await store.ReadMonthAsync(October));
    }

    [Fact]
    public async Task Record_SameSourceRetriedWithALaterTime_StaysInItsFirstMonth()
    {
        var (store, recorder) = CreateSut();
        var reminder = new TaskEvent("maria", "2.7", new DateTimeOffset(2026, 10, 31, 23, 50, 0, TimeSpan.FromHours(3)), "reminder:inv-77:stage-1");

        await recorder.RecordAsync(reminder);
        await recorder.RecordAsync(reminder with { At = new DateTimeOffset(2026, 11, 1, 0, 10, 0, TimeSpan.FromHours(3)) });

        Assert.Single(await store.ReadMonthAsync(October));
        Assert.Empty(await store.ReadMonthAsync(October.Next));
    }

    [Fact]
    public async Task Record_AfterACrashBetweenMarkerAndEntry_AddsTheEntry()
    {
        var (store, recorder) = CreateSut();
        var sourceId = "contract:2026-0099";
        var (pk, rk) = LedgerIds.SourceMarker(sourceId);
        var sources = await _tables.GetTableAsync(LedgerStore.SourcesTable);
        await sources.TryAddAsync(new LedgerSourceEntity { PartitionKey = pk, RowKey = rk, SourceId = sourceId, Month = "2026-10", EntryRowKey = LedgerIds.AutomaticRowKey(sourceId) });

        await recorder.RecordAsync(new TaskEvent("anna", "2.4", new DateTimeOffset(2026, 10, 7, 12, 0, 0, TimeSpan.FromHours(3)), sourceId));

        Assert.Single(await store.ReadMonthAsync(October));
    }

    [Fact]
    public async Task ReadMonth_ReturnsOnlyThatMonthInTimeOrder()
    {
        var (store, recorder) = CreateSut();
        await recorder.RecordAsync(new TaskEvent("anna", "5.5", new DateTimeOffset(2026, 10, 9, 15, 0, 0, TimeSpan.FromHours(3)), "email:late"));
        await recorder.RecordAsync(new TaskEvent("anna", "5.5", new DateTimeOffset(2026, 10, 2, 9, 0, 0, TimeSpan.FromHours(3)), "email:early"));
        await recorder.RecordAsync(new TaskEvent("anna", "5.5", new DateTimeOffset(2026, 9, 30, 9, 0, 0, TimeSpan.FromHours(3)), "email:september"));

        var entries = await store.ReadMonthAsync(October);

        Assert.Equal(["email:early", "email:late"], entries.Select(e => e.SourceId!).ToArray());
    }
}
