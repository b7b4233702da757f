using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using OfficeFlow.Functions.Firm;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Contracts;
using OfficeFlow.Functions.Contracts.Storage;
using OfficeFlow.Functions.Contracts.Templating;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Graph;
using OfficeFlow.Functions.Storage;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Contracts;

public class ContractServiceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string Templates = Path.Combine(AppContext.BaseDirectory, "Contracts", "Templates");
    private static readonly CurrentUser Manager = new("user-42", "Мария Менеджер", [Roles.Manager]);
    private readonly IDocumentStore _documents = Substitute.For<IDocumentStore>();
    private readonly ITaskRecorder _recorder = Substitute.For<ITaskRecorder>();
    private readonly TableStore _tables = new(azurite.CreateServiceClient(), AzuriteFixture.NewTablePrefix());

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static JsonObject Sample() => JsonNode.Parse(File.ReadAllText(Path.Combine(Templates, "service-maintenance.sample.json")))!.AsObject();

    private ContractService CreateSut(IClientDirectory? clients = null, ContractNumberSequence? numbers = null)
    {
        _documents.SaveAsync(default!, default!, default, default).ReturnsForAnyArgs(c => new StoredDocument($"/archive/{c.ArgAt<string>(0)}/{c.ArgAt<string>(1)}", c.ArgAt<string>(1)));
        var options = new ContractsOptions { TemplatesFolder = Templates };
        return new ContractService(new ContractTemplateCatalog(options, new TemplateCache()), numbers ?? new ContractNumberSequence(_tables), new ContractStore(_tables),
            clients ?? Substitute.For<IClientDirectory>(), FirmOfTheSample(_tables), options, new FixedTime(new DateTimeOffset(2026, 11, 22, 7, 30, 0, TimeSpan.Zero)),
            NullLogger<ContractService>.Instance, _documents, _recorder);
    }

    /// <summary>The firm as the sample's supplier, given as the Firm:* settings (nothing saved in the Firm table).</summary>
    internal static FirmDirectory FirmOfTheSample(TableStore tables)
    {
        var settings = Sample()["supplier"]!.AsObject().Select(p => new KeyValuePair<string, string?>($"Firm:{p.Key}", p.Value?.ToString()));
        return new FirmDirectory(new FirmStore(tables), new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), TimeProvider.System);
    }

    /// <summary>What the add-in sends: the manager's fields (items without n/amount), the client's requisites.</summary>
    private static ContractRequest Request(string? requestId = null, Action<JsonObject>? change = null)
    {
        var sample = Sample();
        var fields = sample.DeepClone().AsObject();
        foreach (var serverField in new[] { "number", "date", "supplier", "client", "total", "vat_amount", "vat_rate" })
        {
            fields.Remove(serverField);
        }

        foreach (var item in fields["items"]!.AsArray())
        {
            item!.AsObject().Remove("n");
            item.AsObject().Remove("amount");
        }

        change?.Invoke(fields);
        return new ContractRequest { TemplateId = "service-maintenance", ClientId = "7705987654", RequestId = requestId, Client = sample["client"]!.AsObject().DeepClone().AsObject(), Fields = fields };
    }

    [Fact]
    public async Task Create_RendersWithNextNumberRecordsArchivesAndLogsTheTask()
    {
        var sut = CreateSut();

        var result = await sut.CreateAsync(Request(), Manager);

        Assert.Equal(ContractOutcome.Created, result.Outcome);
        Assert.Equal("2026-0001", result.Number);
        var text = TestDocx.BodyText(result.Document!);
        Assert.Contains("ДОГОВОР № 2026-0001", text);
        Assert.Contains("«22» ноября 2026 г.", text);
        Assert.Contains("40\u00A0000,50 (Сорок тысяч рублей 50 копеек), в том числе НДС 22% — 7\u00A0213,20 руб.", text);
        Assert.Equal("Договор 2026-0001 ООО «Ромашка».docx", result.FileName);
        await _documents.Received(1).SaveAsync("Contracts/2026", "Договор 2026-0001 ООО «Ромашка».docx", Arg.Any<ReadOnlyMemory<byte>>(), Arg.Any<CancellationToken>());
        await _recorder.Received(1).RecordAsync(Arg.Is<TaskEvent>(e => e.TaskCode == "2.4" && e.SourceId == "contract:2026-0001" && e.EmployeeId == "user-42" && e.ClientId == "7705987654"), Arg.Any<CancellationToken>());

        var table = await _tables.GetTableAsync(ContractService.TableName);
        var stored = await table.FindAsync<ContractEntity>("2026", "2026-0001");
        Assert.NotNull(stored);
        Assert.Equal(40000.50m, stored.Amount);
        Assert.Equal("service-maintenance", stored.TemplateId);
        Assert.Equal("user-42", stored.CreatedById);
        Assert.Equal("/archive/Contracts/2026/Договор 2026-0001 ООО «Ромашка».docx", stored.ArchiveLocation);
    }

    [Fact]
    public async Task Create_WithoutVatRendersBezNds()
    {
        var result = await CreateSut().CreateAsync(Request(change: f => f["vat_rate"] = null), Manager);

        Assert.Contains("(Сорок тысяч рублей 50 копеек), НДС не облагается.", TestDocx.BodyText(result.Document!));
    }

    [Fact]
    public async Task Create_MissingFieldsAreListedAndCostNoNumber()
    {
        var sut = CreateSut();

        var invalid = await sut.CreateAsync(Request(change: f => { f.Remove("software"); f.Remove("payment_day"); }), Manager);
        var valid = await sut.CreateAsync(Request(), Manager);

        Assert.Equal(ContractOutcome.Invalid, invalid.Outcome);
        Assert.Contains("Не заполнено поле «software».", invalid.Errors!["fields"]);
        Assert.Contains("Не заполнено поле «payment_day».", invalid.Errors!["fields"]);
        Assert.Equal("2026-0001", valid.Number);
        await _recorder.Received(1).RecordAsync(Arg.Any<TaskEvent>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Create_TwentyConcurrentRequestsGetNumbersOneToTwentyWithoutGapOrDuplicate()
    {
        var sut = CreateSut();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => sut.CreateAsync(Request(), Manager))));

        var numbers = results.Select(r => r.Number!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"2026-{n:0000}"), numbers);
        var table = await _tables.GetTableAsync(ContractService.TableName);
        var stored = await table.QueryAsync<ContractEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"2026"}")).CountAsync();
        Assert.Equal(20, stored);
    }

    [Fact]
    public async Task Create_SameRequestIdTwiceReturnsTheSameContractAndTakesOneNumber()
    {
        var sut = CreateSut();

        var first = await sut.CreateAsync(Request("req-1"), Manager);
        var again = await sut.CreateAsync(Request("req-1"), Manager);
        var next = await sut.CreateAsync(Request("req-2"), Manager);

        Assert.Equal("2026-0001", first.Number);
        Assert.Equal("2026-0001", again.Number);
        Assert.Equal(TestDocx.BodyText(first.Document!), TestDocx.BodyText(again.Document!));
        Assert.Equal("2026-0002", next.Number);
        await _documents.Received(2).SaveAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<ReadOnlyMemory<byte>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Create_UsesTheClientCardAndLetsTheRequestOverrideIt()
    {
        var card = Sample()["client"]!.AsObject();
        card["name"] = "ООО «Ромашка» (из карточки)";
        var directory = Substitute.For<IClientDirectory>();
        directory.FindAsync("7705987654", Arg.Any<CancellationToken>()).Returns(card);
        var request = Request() with { Client = new JsonObject { ["signatory_short"] = "И.И. Новиков" } };

        var result = await CreateSut(directory).CreateAsync(request, Manager);

        var text = TestDocx.BodyText(result.Document!);
        Assert.Contains("ООО «Ромашка» (из карточки)", text);
        Assert.Contains("/ И.И. Новиков /", text);
    }

    [Fact]
    public async Task Create_RejectsUnknownClientUnknownTemplateAndBadItems()
    {
        var sut = CreateSut();

        var noClient = await sut.CreateAsync(Request() with { Client = null }, Manager);
        var pathLike = await sut.CreateAsync(Request() with { TemplateId = "../secret" }, Manager);
        var noTemplate = await sut.CreateAsync(Request() with { TemplateId = "no-such-template" }, Manager);
        var invoice = await sut.CreateAsync(Request() with { TemplateId = "invoice" }, Manager);
        var reconciliation = await sut.CreateAsync(Request() with { TemplateId = "reconciliation" }, Manager);
        var badItems = await sut.CreateAsync(Request(change: f => f["items"]![0]!["quantity"] = "много"), Manager);

        Assert.Contains("client", noClient.Errors!.Keys);
        // A path-like id is refused for its form before any lookup; a well-formed unknown one is not found.
        Assert.Equal(ContractOutcome.Invalid, pathLike.Outcome);
        Assert.Equal(ContractOutcome.TemplateNotFound, noTemplate.Outcome);
        Assert.Equal(ContractOutcome.TemplateNotFound, invoice.Outcome);
        Assert.Equal(ContractOutcome.TemplateNotFound, reconciliation.Outcome);
        Assert.StartsWith("Количество (quantity) — положительное число", Assert.Single(badItems.Errors!["fields.items[0]"]));
        await _recorder.DidNotReceiveWithAnyArgs().RecordAsync(default!, default);
    }

    [Fact]
    public async Task ListTemplates_GivesTheFourContractTemplatesWithTheirFields()
    {
        var options = new ContractsOptions { TemplatesFolder = Templates };

        var result = await ContractsApi.ListTemplates(null, new ContractTemplateCatalog(options, new TemplateCache()), Substitute.For<IClientDirectory>(),
            NullLoggerFactory.Instance, CancellationToken.None);

        var list = Assert.IsType<Ok<List<ContractTemplateDto>>>(result.Result).Value!;
        Assert.Equal(["consulting-discs", "license", "service-maintenance", "software-supply"], list.Select(t => t.Id));
        var service = list.Single(t => t.Id == "service-maintenance");
        Assert.Equal("Договор на сервисное обслуживание", service.Title);
        Assert.Equal("server", service.Fields.Single(f => f.Name == "number").FilledBy);
        Assert.Equal("client", service.Fields.Single(f => f.Name == "client.inn").FilledBy);
        Assert.Equal("manager", service.Fields.Single(f => f.Name == "software").FilledBy);
        var items = service.Fields.Single(f => f.Name == "items");
        Assert.Equal("list", items.Kind);
        Assert.Equal("manager", items.Fields.Single(f => f.Name == "price").FilledBy);
        Assert.Equal("server", items.Fields.Single(f => f.Name == "amount").FilledBy);
    }

    [Fact]
    public async Task Create_FailureBeforeTheContractIsRecordedFreesTheRequestIdForARetry()
    {
        var real = new ContractNumberSequence(_tables);
        var flaky = Substitute.ForPartsOf<ContractNumberSequence>(_tables);
        var calls = 0;
        flaky.NextAsync(Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns(c => ++calls == 1
            ? Task.FromException<int>(new InvalidOperationException("storage down"))
            : real.NextAsync(c.ArgAt<int>(0), c.ArgAt<CancellationToken>(1)));
        var sut = CreateSut(numbers: flaky);

        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.CreateAsync(Request("req-9"), Manager));
        var retry = await sut.CreateAsync(Request("req-9"), Manager);

        Assert.Equal(ContractOutcome.Created, retry.Outcome);
        Assert.Equal("2026-0001", retry.Number);
    }
}
