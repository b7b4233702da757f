using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using OfficeFlow.Functions.Contacts.Logging;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Contacts;

/// <summary>Contracts pre-filled from the client card: the contacts capability's directory behind Contracts' IClientDirectory, through the real pipeline.</summary>
public sealed class ContractRequisitesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;
    private static readonly string Templates = Path.Combine(AppContext.BaseDirectory, "Contracts", "Templates");
    private readonly DirectoryInfo _dataFolder = Directory.CreateTempSubdirectory("officeflow-contacts-contracts-");

    [Fact]
    public async Task ContractForALoggedClient_CarriesTheCardsRequisites_RequestFieldsOverride()
    {
        await using var host = Host();
        using var http = host.CreateManagerClient();
        var clientId = await ClientWithRequisitesAsync(http);

        var templates = (await http.GetFromJsonAsync<JsonArray>($"/api/contract-templates?clientId={clientId}", Json))!;
        var license = templates.Single(t => t!["id"]!.ToString() == "license")!["fields"]!.AsArray();
        Assert.Equal("7707083893", license.Single(f => f!["name"]!.ToString() == "client.inn")!["value"]!.ToString());
        Assert.Equal("ООО «Ромашка-Трейд»", license.Single(f => f!["name"]!.ToString() == "client.name")!["value"]!.ToString());
        Assert.Equal("И.И. Петров", license.Single(f => f!["name"]!.ToString() == "client.signatory_short")!["value"]!.ToString());
        // The card has no genitive form of the signatory's name: left for the manager, not guessed.
        Assert.Null(license.Single(f => f!["name"]!.ToString() == "client.signatory_genitive")!["value"]);

        using var response = await http.PostAsJsonAsync("/api/contracts", Body(clientId, new JsonObject
        {
            ["signatory_genitive"] = "Генерального директора Петрова Ивана Ивановича",
            ["address"] = "125009, г. Москва, ул. Тверская, д. 1",
        }));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var text = DocumentText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("7707083893", text);
        Assert.Contains("773601001", text);
        Assert.Contains("ООО «Ромашка-Трейд»", text);
        Assert.Contains("40702810900000012345", text);
        Assert.Contains("125009, г. Москва, ул. Тверская, д. 1", text);
        Assert.DoesNotContain("115054", text); // the sample's address: nothing leaks from elsewhere
    }

    [Fact]
    public async Task ContractForACardWithoutTheGenitive_IsRefusedNamingTheFieldToFill()
    {
        await using var host = Host();
        using var http = host.CreateManagerClient();
        var clientId = await ClientWithRequisitesAsync(http);

        using var response = await http.PostAsJsonAsync("/api/contracts", Body(clientId, []));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("client.signatory_genitive", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ClientCard_ListsTheClientsContractsNewestFirst_NotOtherClients()
    {
        await using var host = Host();
        using var http = host.CreateManagerClient();
        var clientId = await ClientWithRequisitesAsync(http);
        var genitive = new JsonObject { ["signatory_genitive"] = "Генерального директора Петрова Ивана Ивановича" };
        var numbers = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var created = await http.PostAsJsonAsync("/api/contracts", Body(clientId, genitive.DeepClone().AsObject()));
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            numbers.Add(created.Headers.GetValues("X-Contract-Number").Single());
        }

        // Another client's contract (requisites from the request) must not appear on this card.
        var other = Body("cl00112233445566778899", []);
        other["client"] = JsonNode.Parse(File.ReadAllText(Path.Combine(Templates, "license.sample.json")))!["client"]!.DeepClone();
        using var otherContract = await http.PostAsJsonAsync("/api/contracts", other);
        Assert.True(otherContract.IsSuccessStatusCode, await otherContract.Content.ReadAsStringAsync());

        var card = (await http.GetFromJsonAsync<JsonObject>($"/api/clients/{clientId}", Json))!;

        var contracts = card["contracts"]!.AsArray();
        Assert.Equal(Enumerable.Reverse(numbers), contracts.Select(c => c!["number"]!.ToString()));
        Assert.All(contracts, c => Assert.Equal("Лицензионный договор", c!["title"]!.ToString()));
        Assert.All(contracts, c => Assert.True(c!["amount"]!.GetValue<decimal>() > 0));
    }

    [Fact]
    public async Task RequisitesTypedIntoAContract_AreSavedToTheCardByTheServer_AndTheNextContractHasThem()
    {
        await using var host = Host();
        using var http = host.CreateManagerClient();
        var clientId = await ClientWithRequisitesAsync(http);
        var genitive = new JsonObject { ["signatory_genitive"] = "Генерального директора Петрова Ивана Ивановича" };

        using var contract = await http.PostAsJsonAsync("/api/contracts", Body(clientId, new JsonObject
        {
            ["signatory_genitive"] = "Генерального директора Петрова Ивана Ивановича",
            ["address"] = "125009, г. Москва, ул. Тверская, д. 7",
            ["bank"] = "АО «Альфа-Банк»",
            ["account"] = "40702810100000098765",
        }));
        var card = (await http.GetFromJsonAsync<JsonObject>($"/api/clients/{clientId}", Json))!;
        using var next = await http.PostAsJsonAsync("/api/contracts", Body(clientId, genitive));

        Assert.True(contract.StatusCode == HttpStatusCode.OK, await contract.Content.ReadAsStringAsync());
        Assert.Equal("125009, г. Москва, ул. Тверская, д. 7", card["address"]!.ToString());
        Assert.Equal("АО «Альфа-Банк»", card["bank"]!["bankName"]!.ToString());
        Assert.Equal("40702810100000098765", card["bank"]!["settlementAccount"]!.ToString());
        Assert.Equal("044525225", card["bank"]!["bik"]!.ToString()); // not typed: the card keeps its own
        Assert.True(next.StatusCode == HttpStatusCode.OK, await next.Content.ReadAsStringAsync());
        var text = DocumentText(await next.Content.ReadAsByteArrayAsync());
        Assert.Contains("125009, г. Москва, ул. Тверская, д. 7", text);
        Assert.Contains("40702810100000098765", text);
    }

    [Fact]
    public async Task ARequisiteTheCardWouldRefuse_IsNotSavedToTheCard_TheContractIsStillMade_AndTheOthersAreSaved()
    {
        await using var host = Host();
        using var http = host.CreateManagerClient();
        var clientId = await ClientWithRequisitesAsync(http);

        using var refused = await http.PostAsJsonAsync("/api/contracts", Body(clientId, new JsonObject
        {
            ["signatory_genitive"] = "Генерального директора Петрова Ивана Ивановича",
            ["address"] = "125009, г. Москва, ул. Тверская, д. 7",
            ["account"] = "4070281010",
        }));
        var card = (await http.GetFromJsonAsync<JsonObject>($"/api/clients/{clientId}", Json))!;
        using var next = await http.PostAsJsonAsync("/api/contracts", Body(clientId, new JsonObject { ["signatory_genitive"] = "Генерального директора Петрова Ивана Ивановича" }));

        Assert.True(refused.StatusCode == HttpStatusCode.OK, await refused.Content.ReadAsStringAsync());
        Assert.Equal("40702810900000012345", card["bank"]!["settlementAccount"]!.ToString()); // the card's own, not the bad one
        Assert.Equal("125009, г. Москва, ул. Тверская, д. 7", card["address"]!.ToString());
        Assert.EndsWith("-0002", next.Headers.GetValues("X-Contract-Number").Single());
    }

    [Fact]
    public async Task TemplatesForAnUnknownClient_Give404()
    {
        await using var host = Host();
        using var http = host.CreateManagerClient();

        using var response = await http.GetAsync("/api/contract-templates?clientId=cl0123456789abcdef");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public void Dispose() => _dataFolder.Delete(recursive: true);

    private ContactsTestHost Host()
    {
        var settings = new Dictionary<string, string?> { ["Local:DataFolder"] = _dataFolder.FullName };
        var supplier = JsonNode.Parse(File.ReadAllText(Path.Combine(Templates, "license.sample.json")))!["supplier"]!.AsObject();
        foreach (var (key, value) in supplier)
        {
            settings[$"Firm:{key}"] = value!.ToString();
        }

        return new ContactsTestHost(azurite, settings);
    }

    // A client made the way managers make them: logged from an e-mail, then its requisites completed by PUT.
    private static async Task<string> ClientWithRequisitesAsync(HttpClient http)
    {
        using var logged = await http.PostAsJsonAsync("/api/contacts/log-email",
            ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature), Json);
        Assert.True(logged.IsSuccessStatusCode, await logged.Content.ReadAsStringAsync());
        var clientId = (await logged.Content.ReadFromJsonAsync<LogEmailOutcome>(Json))!.Client!.Id;
        var url = $"/api/clients/{clientId}";
        using var read = await http.GetAsync(url);
        using var put = new HttpRequestMessage(HttpMethod.Put, url)
        {
            Content = JsonContent.Create(new
            {
                name = "Ромашка-Трейд", legalForm = "ООО", inn = "7707083893", kpp = "773601001", ogrn = "1027700132195", domains = new[] { "romashka.ru" },
                address = "119991, г. Москва, ул. Вавилова, д. 19", bankName = "ПАО Сбербанк", bik = "044525225",
                settlementAccount = "40702810900000012345", correspondentAccount = "30101810400000000225",
                signatoryName = "Петров Иван Иванович", signatoryPosition = "Генеральный директор", signatoryBasis = "Устава",
            }),
        };
        put.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.ToString());
        using var saved = await http.SendAsync(put);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        return clientId;
    }

    private static JsonObject Body(string clientId, JsonObject clientOverrides)
    {
        var fields = JsonNode.Parse(File.ReadAllText(Path.Combine(Templates, "license.sample.json")))!.AsObject();
        foreach (var key in new[] { "number", "date", "supplier", "client", "total" })
        {
            fields.Remove(key);
        }

        return new JsonObject { ["templateId"] = "license", ["clientId"] = clientId, ["client"] = clientOverrides, ["fields"] = fields };
    }

    private static string DocumentText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}
