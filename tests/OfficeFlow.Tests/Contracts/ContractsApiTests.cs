using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Contracts;

/// <summary>The contract functions through the real pipeline: dev tokens, Azurite, the local-folder archive.</summary>
public sealed class ContractsApiTests : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly string Templates = Path.Combine(AppContext.BaseDirectory, "Contracts", "Templates");
    private readonly DirectoryInfo _dataFolder = Directory.CreateTempSubdirectory("officeflow-contracts-api-");
    private readonly ITaskRecorder _recorder = Substitute.For<ITaskRecorder>();
    private readonly WebApplicationFactory<Program> _factory;

    public ContractsApiTests(AzuriteFixture azurite)
    {
        var supplier = JsonNode.Parse(File.ReadAllText(Path.Combine(Templates, "service-maintenance.sample.json")))!["supplier"]!.AsObject();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseTestTokens();
            builder.UseSetting("Storage:ConnectionString", azurite.ConnectionString);
            builder.UseSetting("Storage:TablePrefix", AzuriteFixture.NewTablePrefix());
            builder.UseSetting("Local:DataFolder", _dataFolder.FullName);
            foreach (var (key, value) in supplier)
            {
                builder.UseSetting($"Firm:{key}", value!.ToString());
            }

            builder.ConfigureTestServices(services => services.AddSingleton(_recorder));
        });
    }

    private HttpClient Manager() => _factory.CreateClient().WithToken("ivanova", Roles.Manager);

    /// <summary>What the add-in sends for the license sample (other contract tests start from it too).</summary>
    internal static JsonObject Body(string? requestId = null)
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(Templates, "license.sample.json")))!.AsObject();
        var fields = sample.DeepClone().AsObject();
        foreach (var key in new[] { "number", "date", "supplier", "client", "total" })
        {
            fields.Remove(key);
        }

        return new JsonObject
        {
            ["templateId"] = "license",
            ["clientId"] = "7705987654",
            ["requestId"] = requestId,
            ["client"] = sample["client"]!.DeepClone(),
            ["fields"] = fields,
        };
    }

    [Fact]
    public async Task Templates_NeedAManagerToken()
    {
        var anonymous = await _factory.CreateClient().GetAsync("/api/contract-templates");
        var accountant = await _factory.CreateClient().WithToken("petrov", Roles.Accountant).GetAsync("/api/contract-templates");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, accountant.StatusCode);
    }

    [Fact]
    public async Task Templates_ListTheContractTemplatesWithFields()
    {
        var list = await Manager().GetFromJsonAsync<JsonArray>("/api/contract-templates");

        Assert.Equal(["consulting-discs", "license", "service-maintenance", "software-supply"], list!.Select(t => t!["id"]!.ToString()));
        var license = list!.Single(t => t!["id"]!.ToString() == "license")!;
        Assert.Equal("Лицензионный договор", license["title"]!.ToString());
        Assert.Contains(license["fields"]!.AsArray(), f => f!["name"]!.ToString() == "territory" && f["filledBy"]!.ToString() == "manager");
    }

    [Fact]
    public async Task Create_TheDownloadCarriesTheRussianFileName_AsRfc6266FilenameStar()
    {
        var response = await Manager().PostAsJsonAsync("/api/contracts", Body());

        var number = response.Headers.GetValues("X-Contract-Number").Single();
        var raw = response.Content.Headers.GetValues("Content-Disposition").Single();
        Assert.StartsWith("attachment;", raw);
        Assert.Contains("filename*=UTF-8''" + Uri.EscapeDataString($"Договор {number}"), raw);
        Assert.Equal($"Договор {number} ООО «Ромашка».docx", response.Content.Headers.ContentDisposition!.FileNameStar);
        // The fallback for clients without RFC 6266 is readable, not a row of underscores.
        Assert.Equal($"Dogovor {number} OOO Romashka.docx", response.Content.Headers.ContentDisposition.FileName);
    }

    [Fact]
    public async Task Create_ReturnsTheDocxArchivesItAndLogsTheTask()
    {
        var response = await Manager().PostAsJsonAsync("/api/contracts", Body());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        var number = response.Headers.GetValues("X-Contract-Number").Single();
        Assert.Matches(@"^\d{4}-0001$", number);
        var text = TestDocx.BodyText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains($"ЛИЦЕНЗИОННЫЙ ДОГОВОР № {number}", text);
        Assert.Contains("91\u00A0300,00 (Девяносто одна тысяча триста рублей 00 копеек), НДС не облагается", text);
        var archived = Directory.GetFiles(Path.Combine(_dataFolder.FullName, "documents"), "*.docx", SearchOption.AllDirectories);
        Assert.Equal($"Договор {number} ООО «Ромашка».docx", Path.GetFileName(Assert.Single(archived)));
        await _recorder.Received(1).RecordAsync(Arg.Is<TaskEvent>(e => e.TaskCode == "2.4" && e.EmployeeId == "ivanova" && e.SourceId == $"contract:{number}"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Create_WithMissingFieldsIsAProblemListingThem()
    {
        var body = Body();
        body["fields"]!.AsObject().Remove("territory");

        var response = await Manager().PostAsJsonAsync("/api/contracts", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("Не заполнено поле «territory».", problem!["errors"]!["fields"]!.AsArray().Select(e => e!.ToString()));
    }

    [Fact]
    public async Task Create_UnknownTemplateIs404Problem()
    {
        var body = Body();
        body["templateId"] = "no-such-template";

        var response = await Manager().PostAsJsonAsync("/api/contracts", body);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no-such-template", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_TwentyConcurrentRequestsGetNumbersOneToTwenty()
    {
        var client = Manager();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostAsJsonAsync("/api/contracts", Body())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var numbers = responses.Select(r => int.Parse(r.Headers.GetValues("X-Contract-Number").Single()[5..])).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 20), numbers);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _dataFolder.Delete(recursive: true);
    }
}
