using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Grades.Ledger;
using OfficeFlow.Tests.Contacts;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Grades;

/// <summary>Log-email feeding the real grades ledger (not <see cref="RecordingTaskRecorder"/>, which de-duplicates by
/// itself): the ledger table's own rows show what a month would count.</summary>
public sealed class LedgerFromLogEmailTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TwentyIdenticalConcurrentMessages_LeaveOneContactTaskRowInTheLedger()
    {
        await using var host = new ContactsTestHost(azurite, services: s => s.AddSingleton<ITaskRecorder, TableTaskRecorder>());
        using var http = host.CreateManagerClient();
        var request = ContactsEmails.FromClient("o.smirnova@tehnoresurs.ru", "Ольга Смирнова", "Ольга Смирнова\nГлавный бухгалтер\nАО «Техноресурс»");
        var body = JsonSerializer.Serialize(request, JsonSerializerOptions.Web);

        using var start = new SemaphoreSlim(0);
        var calls = Enumerable.Range(0, 20).Select(async _ =>
        {
            await start.WaitAsync();
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("/api/contacts/log-email", content);
            return response.StatusCode;
        }).ToList();
        start.Release(20);
        var statuses = await Task.WhenAll(calls);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var rows = await LedgerRowsAsync(host);
        Assert.Equal(1, rows.Count(r => r.GetString("TaskCode") == "5.5"));
        Assert.Equal(1, rows.Count(r => r.GetString("TaskCode") == "5.4"));
        Assert.Equal(2, rows.Count);
    }

    private async Task<List<TableEntity>> LedgerRowsAsync(ContactsTestHost host)
    {
        var ledger = azurite.CreateServiceClient().GetTableClient(host.TablePrefix + LedgerStore.LedgerTable);
        var rows = new List<TableEntity>();
        await foreach (var row in ledger.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }
}
