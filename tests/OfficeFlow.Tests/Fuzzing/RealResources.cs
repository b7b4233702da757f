using System.Net.Http.Json;
using System.Text.Json;
using OfficeFlow.Tests.Contacts;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Fuzzing;

/// <summary>
/// Two clients, an issued invoice of the first and, for a route that names a payment, a payment on it, made through the
/// API before a route is driven, so
/// routes that act on an existing resource (a payment or its cancel, a card's update, a merge of the second client into
/// the first) get their bodies past the "not found" check and into the code that reads the body. With made-up ids those
/// routes stopped at 404 and their bodies were never read.
/// </summary>
internal sealed record RealResources(string ClientId, string OtherClientId, string InvoiceId, string? PaymentId)
{
    /// <summary>The resources <paramref name="route"/> acts on: a payment only when its path names one, because an invoice
    /// with a payment refuses to be cancelled.</summary>
    public static Task<RealResources> CreateAsync(HttpClient admin, ApiRoute route) =>
        CreateAsync(admin, route.OperationId, payment: route.Template.Contains("{paymentId}", StringComparison.Ordinal));

    public static async Task<RealResources> CreateAsync(HttpClient admin, string tag, bool payment = false)
    {
        var clientId = await LogEmailAsync(admin, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature, messageId: $"<fuzz-{tag}@romashka.ru>"));
        var otherClientId = await LogEmailAsync(admin, ContactsEmails.FromClient("a.sidorova@lutik.ru", "Анна Сидорова",
            "Анна Сидорова\nБухгалтер\nООО «Лютик»\nТел.: +7 (812) 555-01-02", messageId: $"<fuzz-{tag}@lutik.ru>"));

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
        if (!payment)
        {
            return new RealResources(clientId, otherClientId, invoiceId, null);
        }

        // A part payment: the invoice stays open for further payments, and the payment is there to cancel.
        using var paid = await admin.PostAsJsonAsync($"/api/invoices/{invoiceId}/payments", new { amount = 1000m, orderNumber = "17" });
        var paymentId = (await Read(paid)).GetProperty("payment").GetProperty("id").GetString()!;
        return new RealResources(clientId, otherClientId, invoiceId, paymentId);
    }

    /// <summary>The route's path with the real resources' ids where the route names them, else plausible values.</summary>
    public string PathOf(ApiRoute route)
    {
        // The reminders timer: with one invoice due in 10 days it has nothing to send, so running it is harmless.
        var template = route.Template.Replace("{clientId}", ClientId, StringComparison.Ordinal).Replace("/admin/functions/{name}", "/admin/functions/InvoiceReminders", StringComparison.Ordinal);
        template = PaymentId is null ? template : template.Replace("{paymentId}", PaymentId, StringComparison.Ordinal);
        template = template.StartsWith("/api/invoices/{id}", StringComparison.Ordinal) ? template.Replace("{id}", InvoiceId, StringComparison.Ordinal)
            : template.StartsWith("/api/clients/{id}", StringComparison.Ordinal) ? template.Replace("{id}", ClientId, StringComparison.Ordinal)
            : template;
        return ApiRoutes.Fill(template);
    }

    private static async Task<string> LogEmailAsync(HttpClient admin, object email)
    {
        using var logged = await admin.PostAsJsonAsync("/api/contacts/log-email", email);
        return (await Read(logged)).GetProperty("client").GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> Read(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
