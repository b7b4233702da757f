using System.Net.Http.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Grades.Api;
using OfficeFlow.Functions.Grades.Ledger;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Grades;

/// <summary>
/// Until 2026-11 an automatic ledger entry was two rows: a marker in "LedgerSources" (partition = the first two
/// hash characters) and the entry in "Ledger". Data written that way must still give the month's points, and a
/// repeated event must still count once, now that only the entry is written.
/// </summary>
public sealed class LedgerOldLayoutTests : IClassFixture<AzuriteFixture>, IDisposable
{
    // The shipped staff file's Anna, a manager.
    private const string Anna = "6f1c2a8e-1d3b-4c55-9a0e-3b7f6a2d9c41";
    private static readonly DateTimeOffset October7 = new(2026, 10, 7, 12, 0, 0, TimeSpan.FromHours(3));

    private readonly AzuriteFixture _azurite;
    private readonly GradesAppFactory _factory;

    public LedgerOldLayoutTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        _factory = new GradesAppFactory(azurite, new DateTimeOffset(2026, 10, 20, 12, 0, 0, TimeSpan.FromHours(3)));
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task OldRowsAndMarkers_GiveTheMonthsPoints_AndARepeatedEventCountsOnce()
    {
        var service = _azurite.CreateServiceClient();
        await WriteOldLayoutAsync(service, "contract:2026-0042", "2.4", withEntry: true);   // 4 points
        await WriteOldLayoutAsync(service, "email:<old@mail.example>", "5.5", withEntry: true);   // 1 point
        // The old code crashed between its two writes here: a marker without its entry.
        await WriteOldLayoutAsync(service, "contract:2026-0043", "2.4", withEntry: false);
        var anna = As(Anna, Roles.Manager);

        var before = (await anna.GetFromJsonAsync<MonthGradesResponse>("/api/grades/2026-10"))!;

        var recorder = _factory.Services.GetRequiredService<ITaskRecorder>();
        await recorder.RecordAsync(new TaskEvent(Anna, "2.4", October7, "contract:2026-0042"));
        await recorder.RecordAsync(new TaskEvent(Anna, "5.5", October7, "email:<old@mail.example>"));
        await recorder.RecordAsync(new TaskEvent(Anna, "2.4", October7, "contract:2026-0043"));
        var after = (await anna.GetFromJsonAsync<MonthGradesResponse>("/api/grades/2026-10"))!;

        var annaBefore = Assert.Single(before.Employees);
        Assert.Equal((5m, 2), (annaBefore.Points, annaBefore.Tasks));
        // The two old entries are not repeated; the one the crash lost is added by the retry.
        var annaAfter = Assert.Single(after.Employees);
        Assert.Equal((9m, 3), (annaAfter.Points, annaAfter.Tasks));
    }

    /// <summary>The rows exactly as the old LedgerStore wrote them (the marker first, then the entry).</summary>
    private async Task WriteOldLayoutAsync(TableServiceClient service, string sourceId, string taskCode, bool withEntry)
    {
        var rowKey = LedgerIds.AutomaticRowKey(sourceId);
        var markerRowKey = rowKey[2..];   // the old marker's key: the same 32-character hash, without "a-"
        var sources = service.GetTableClient(_factory.TablePrefix + "LedgerSources");
        await sources.CreateIfNotExistsAsync();
        await sources.AddEntityAsync(new TableEntity(markerRowKey[..2], markerRowKey)
        {
            ["SourceId"] = sourceId,
            ["Month"] = "2026-10",
            ["EntryRowKey"] = rowKey,
        });
        if (!withEntry)
        {
            return;
        }

        var ledger = service.GetTableClient(_factory.TablePrefix + LedgerStore.LedgerTable);
        await ledger.CreateIfNotExistsAsync();
        await ledger.AddEntityAsync(new TableEntity("2026-10", rowKey)
        {
            ["EmployeeId"] = Anna,
            ["At"] = October7,
            ["TaskCode"] = taskCode,
            ["Source"] = "Automatic",
            ["SourceId"] = sourceId,
        });
    }

    private HttpClient As(string user, params string[] roles)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer",
            DevTokenIssuer.Issue(TestTokens.Key, new DevTokenRequest(user, roles, $"Test user {user}", TimeSpan.FromHours(1)), _factory.Time));
        return client;
    }
}
