using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OfficeFlow.Functions.Hosting;
using OfficeFlow.Tests.Fuzzing;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Hosting;

/// <summary>
/// A contract request and an invoice have the same limits on the same kinds of field (issue 13: "on names, items and
/// lines"): the value one over the limit is refused by both with a 400 naming the field, and the value at the limit
/// passes both. The client id once took 200 characters on an invoice and 100 on a contract.
/// </summary>
public sealed class SameLimitsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>One kind of field: how to put a value of <c>size</c> into each body, and the field each answer names.</summary>
    private sealed record Kind(string Name, int Limit, Action<JsonObject, int> Invoice, string InvoiceField, Action<JsonObject, int> Contract, string ContractField);

    private static readonly Kind[] Kinds =
    [
        new("clientId", InputLimits.ClientId, (b, n) => b["clientId"] = new string('c', n), "clientId", (b, n) => b["clientId"] = new string('c', n), "clientId"),
        new("client name", InputLimits.Name, (b, n) => b["clientName"] = new string('Я', n), "clientName", (b, n) => b["client"]!["name"] = new string('Я', n), "client.name"),
        new("line item", InputLimits.Text, (b, n) => b["lines"]![0]!["item"] = new string('Я', n), "lines[0].item", (b, n) => b["fields"]!["items"]![0]!["name"] = new string('Я', n), "fields.items[0]"),
        new("unit", InputLimits.Unit, (b, n) => b["lines"]![0]!["unit"] = new string('ш', n), "lines[0].unit", (b, n) => b["fields"]!["items"]![0]!["unit"] = new string('ш', n), "fields.items[0]"),
        new("line count", InputLimits.Lines, (b, n) => b["lines"] = Lines(n, "item"), "lines", (b, n) => b["fields"]!["items"] = Lines(n, "name"), "fields.items"),
        new("quantity", (int)InputLimits.Quantity, (b, n) => b["lines"]![0]!["quantity"] = n, "lines[0].quantity", (b, n) => b["fields"]!["items"]![0]!["quantity"] = n, "fields.items[0]"),
        new("price", (int)InputLimits.Price, (b, n) => b["lines"]![0]!["price"] = n, "lines[0].price", (b, n) => b["fields"]!["items"]![0]!["price"] = n, "fields.items[0]"),
    ];

    [Fact]
    public async Task OverTheLimit_BothRefuseNamingTheField_AtTheLimit_BothAccept()
    {
        var firm = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find()!, "samples", "demo-firm.json")))!.AsObject()
            .ToDictionary(p => $"Firm:{p.Key}", p => (string?)p.Value!.ToString());
        var (factory, admin) = FuzzApp.Start(azurite, "limits", firm);
        using var ownedFactory = factory;
        using var ownedClient = admin;
        var real = await RealResources.CreateAsync(admin, "limits");

        var failures = new List<string>();
        foreach (var kind in Kinds)
        {
            foreach (var (size, over) in new[] { (kind.Limit + 1, true), (kind.Limit, false) })
            {
                var invoice = InvoiceBody(real.ClientId);
                kind.Invoice(invoice, size);
                var contract = ContractBody(real.ClientId);
                kind.Contract(contract, size);
                foreach (var (route, body, field) in new[] { ("/api/invoices", invoice, kind.InvoiceField), ("/api/contracts", contract, kind.ContractField) })
                {
                    using var response = await admin.PostAsJsonAsync(route, body);
                    var text = await response.Content.ReadAsStringAsync();
                    var named = response.StatusCode == HttpStatusCode.BadRequest ? ErrorOf(text, field) : null;
                    var what = $"{kind.Name} {(over ? "over" : "at")} the limit ({size}) on {route}";
                    if (over && named is null)
                    {
                        failures.Add($"{what}: expected 400 naming {field}, got {(int)response.StatusCode} {Short(text)}");
                    }

                    // An invoice for a client id nobody has is refused as unknown (its card is needed), not for its length.
                    if (!over && named is not null && !named.Contains("не найден", StringComparison.Ordinal))
                    {
                        failures.Add($"{what}: refused «{named}»");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static JsonObject InvoiceBody(string clientId) => new()
    {
        ["clientId"] = clientId,
        ["clientName"] = "ООО «Ромашка»",
        ["lines"] = Lines(1, "item"),
    };

    private static JsonObject ContractBody(string clientId) => new()
    {
        ["templateId"] = "service-maintenance",
        ["clientId"] = clientId,
        ["client"] = new JsonObject
        {
            ["name"] = "ООО «Ромашка»", ["inn"] = "7705987654", ["kpp"] = "770501001", ["ogrn"] = "1157746654321",
            ["address"] = "115054, г. Москва, ул. Дубининская, д. 57, стр. 1", ["bank"] = "АО «Альфа-Банк», г. Москва",
            ["account"] = "40702810401300054321", ["corr_account"] = "30101810200000000593", ["bik"] = "044525593",
            ["signatory_position"] = "Директор", ["signatory_genitive"] = "Директора Петровой Елены Сергеевны",
            ["signatory_short"] = "Е.С. Петрова", ["basis"] = "Устава",
        },
        ["fields"] = new JsonObject
        {
            ["software"] = "1С:Бухгалтерия", ["service_address"] = "г. Москва", ["response_hours"] = 4, ["payment_day"] = 10,
            ["start_date"] = "2026-12-01", ["end_date"] = "2027-11-30", ["vat_rate"] = 22, ["items"] = Lines(1, "name"),
        },
    };

    private static JsonArray Lines(int count, string nameKey) =>
        [.. Enumerable.Range(1, count).Select(i => (JsonNode)new JsonObject { [nameKey] = $"Сопровождение {i}", ["quantity"] = 1, ["unit"] = "мес", ["price"] = 100 })];

    /// <summary>The Russian message the answer gives for <paramref name="field"/>, or null when it names no such field.</summary>
    private static string? ErrorOf(string problem, string field) =>
        JsonDocument.Parse(problem).RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            ? string.Join(' ', messages.EnumerateArray().Select(m => m.GetString())) : null;

    private static string Short(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
