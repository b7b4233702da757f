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
    public async Task Record_SameSourceRetriedLaterInTheMonth_CountsOnceAtItsFirstTime()
    {
        var (store, recorder) = CreateSut();
        var reminder = new TaskEvent("maria", "2.7", new DateTimeOffset(2026, 10, 30, 9, 0, 0, TimeSpan.FromHours(3)), "reminder:inv-77:stage-1");

        await recorder.RecordAsync(reminder);
        await recorder.RecordAsync(reminder with { At = new DateTimeOffset(2026, 10, 31, 23, 50, 0, TimeSpan.FromHours(3)) });

        var entry = Assert.Single(await store.ReadMonthAsync(October));
        Assert.Equal(reminder.At, entry.At);
    }

    [Fact]
    public async Task Record_TwentyConcurrentDuplicates_LeaveOneRow()
    {
        var (_, recorder) = CreateSut();
        var contact = new TaskEvent("anna", "5.5", new DateTimeOffset(2026, 10, 6, 9, 30, 0, TimeSpan.FromHours(3)), "email:<twenty@mail.example>");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => recorder.RecordAsync(contact))));

        // Counted in the table itself: every row of the ledger, not what the store chooses to return.
        var ledger = await _tables.GetTableAsync(LedgerStore.LedgerTable);
        var rows = 0;
        await foreach (var _ in ledger.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["RowKey"]))
        {
            rows++;
        }

        Assert.Equal(1, rows);
    }

    [Fact]
    public async Task Record_OneEvent_CostsOneStorageCall()
    {
        var requests = new RequestCounter();
        var options = StorageModule.CreateClientOptions();
        options.AddPolicy(requests, Azure.Core.HttpPipelinePosition.PerCall);
        var store = new LedgerStore(new TableStore(azurite.CreateServiceClient(options), AzuriteFixture.NewTablePrefix()), new GradesSettings { Zone = GradesTestData.Moscow });
        var recorder = new TableTaskRecorder(store, Microsoft.Extensions.Logging.Abstractions.NullLogger<TableTaskRecorder>.Instance);
        // The first record also creates the tables it uses; count from the second on, as in a running app.
        await recorder.RecordAsync(new TaskEvent("anna", "5.5", new DateTimeOffset(2026, 10, 6, 9, 0, 0, TimeSpan.FromHours(3)), "email:<warm-up@mail.example>"));
        var before = requests.Count;

        await recorder.RecordAsync(new TaskEvent("anna", "5.5", new DateTimeOffset(2026, 10, 6, 9, 30, 0, TimeSpan.FromHours(3)), "email:<counted@mail.example>"));

        // Log-email's cost per message (docs/contacts.md) counts on this: the ledger is one conditional add.
        Assert.Equal(1, requests.Count - before);
    }

    private sealed class RequestCounter : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override void OnSendingRequest(Azure.Core.HttpMessage message) => Interlocked.Increment(ref _count);
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
