using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Contracts;
using OfficeFlow.Functions.Contracts.Storage;
using OfficeFlow.Functions.Storage;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Contracts;

/// <summary>
/// A contract request that crashed after claiming its request id must not block that id for ever: its claim is taken over
/// after <see cref="ContractStore.StaleClaim"/>, while a claim inside that time still answers "in progress". Through the
/// real pipeline, the claim rows planted in Azurite as a crashed request leaves them, on a fake clock.
/// </summary>
public sealed class ContractClaimTakeoverTests : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly string Templates = Path.Combine(AppContext.BaseDirectory, "Contracts", "Templates");
    private readonly DirectoryInfo _dataFolder = Directory.CreateTempSubdirectory("officeflow-contract-claims-");
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly TableStore _tables;
    private readonly WebApplicationFactory<Program> _factory;

    public ContractClaimTakeoverTests(AzuriteFixture azurite)
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        _tables = new TableStore(azurite.CreateServiceClient(), prefix);
        var supplier = JsonNode.Parse(File.ReadAllText(Path.Combine(Templates, "service-maintenance.sample.json")))!["supplier"]!.AsObject();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseTestTokens();
            builder.UseSetting("Storage:ConnectionString", azurite.ConnectionString);
            builder.UseSetting("Storage:TablePrefix", prefix);
            builder.UseSetting("Local:DataFolder", _dataFolder.FullName);
            foreach (var (key, value) in supplier)
            {
                builder.UseSetting($"Firm:{key}", value!.ToString());
            }

            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock));
        });
    }

    [Fact]
    public async Task ACrashedRequestsClaim_IsTakenOverAfterTheTimeout_AndItsRetryGetsTheNextNumberWithoutAGap()
    {
        await PlantClaimAsync("crashed-1", claimedAgo: ContractStore.StaleClaim + TimeSpan.FromSeconds(1));

        var retry = await Manager().PostAsJsonAsync("/api/contracts", ContractsApiTests.Body("crashed-1"));
        var again = await Manager().PostAsJsonAsync("/api/contracts", ContractsApiTests.Body("crashed-1"));
        var next = await Manager().PostAsJsonAsync("/api/contracts", ContractsApiTests.Body("fresh-2"));

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var year = _clock.GetUtcNow().Year;
        Assert.Equal($"{year}-0001", NumberOf(retry));
        Assert.Equal($"{year}-0001", NumberOf(again));
        Assert.Equal($"{year}-0002", NumberOf(next));
    }

    [Fact]
    public async Task AClaimInsideTheTimeout_StillAnswersInProgress()
    {
        await PlantClaimAsync("running-1", claimedAgo: ContractStore.StaleClaim - TimeSpan.FromSeconds(5));

        var response = await Manager().PostAsJsonAsync("/api/contracts", ContractsApiTests.Body("running-1"));
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Запрос уже выполняется", problem!["title"]!.ToString());
    }

    [Fact]
    public async Task ACrashAfterTheContractWasRecorded_ReturnsThatContract_NotASecondNumber()
    {
        // The request took 0001 and recorded it, then died before marking its claim done.
        var first = await Manager().PostAsJsonAsync("/api/contracts", ContractsApiTests.Body("late-1"));
        await PlantClaimAsync("late-1", claimedAgo: ContractStore.StaleClaim + TimeSpan.FromSeconds(1));

        var retry = await Manager().PostAsJsonAsync("/api/contracts", ContractsApiTests.Body("late-1"));
        var next = await Manager().PostAsJsonAsync("/api/contracts", ContractsApiTests.Body("other-2"));

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(NumberOf(first), NumberOf(retry));
        Assert.EndsWith("-0002", NumberOf(next));
    }

    private async Task PlantClaimAsync(string requestId, TimeSpan claimedAgo)
    {
        var table = await _tables.GetTableAsync(ContractStore.TableName);
        await table.UpsertAsync(new ContractRequestEntity
        {
            PartitionKey = ContractStore.RequestPartition,
            RowKey = requestId,
            ClaimedAt = _clock.GetUtcNow() - claimedAgo,
        }, Azure.Data.Tables.TableUpdateMode.Replace);
    }

    private static string NumberOf(HttpResponseMessage response) => response.Headers.GetValues("X-Contract-Number").Single();

    private HttpClient Manager() => _factory.CreateClient().WithToken("ivanova", Roles.Manager);

    public void Dispose()
    {
        _factory.Dispose();
        _dataFolder.Delete(recursive: true);
    }
}
