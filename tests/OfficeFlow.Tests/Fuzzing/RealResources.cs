using System.Net.Http.Json;
using System.Text.Json;
using OfficeFlow.Tests.Contacts;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Fuzzing;

/// <summary>
/// A client and an issued invoice made through the API before a route is fuzzed, so routes that act on an existing resource
/// (a payment on an invoice, a card's update, a merge) get their hostile bodies past the "not found" check and into
/// the code that reads the body. With made-up ids those routes stopped at 404 and their bodies were never read.
/// </summary>
internal sealed record RealResources(string ClientId, string InvoiceId)
{
    public static async Task<RealResources> CreateAsync(HttpClient admin, string tag)
    {
        using var logged = await admin.PostAsJsonAsync("/api/contacts/log-email",
            ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature, messageId: $"<fuzz-{tag}@romashka.ru>"));
        var clientId = (await Read(logged)).GetProperty("client").GetProperty("id").GetString()!;

        using var created = await admin.PostAsJsonAsync("/api/invoices", new
        {
            clientId,
            clientName = "ООО «Ромашка»",
            paymentTermDays = 10,
            lines = new object[] { new { item = "Сопровождение 1С:Бухгалтерия", quantity = 1, unit = "мес", price = 12200m, vatRate = "22", kind = "subscription" } },
        });
        var invoiceId = (await Read(created)).GetProperty("id").GetString()!;
        using var issued = await admin.PostAsync($"/api/invoices/{invoiceId}/issue", null);
        await Read(issued);
        return new RealResources(clientId, invoiceId);
    }

    /// <summary>The route's path with the real client's or invoice's id where the route names one, else plausible values.</summary>
    public string PathOf(ApiRoute route) =>
        route.Template.StartsWith("/api/invoices/{id}", StringComparison.Ordinal) ? ReplaceId(route, InvoiceId)
        : route.Template.StartsWith("/api/clients/{id}", StringComparison.Ordinal) ? ReplaceId(route, ClientId)
        : route.Path;

    private static string ReplaceId(ApiRoute route, string id) => ApiRoutes.Fill(route.Template.Replace("{id}", id, StringComparison.Ordinal));

    private static async Task<JsonElement> Read(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
