using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Contacts.Records;

namespace OfficeFlow.Tests.Infrastructure;

/// <summary>A client card in the app's Clients table, for tests that need an existing client (an invoice for an
/// unknown client id is refused). Written through the app's own <see cref="ClientDirectory"/>, so the card is
/// exactly what a logged e-mail would have created, minus the contacts.</summary>
public static class TestClients
{
    /// <summary>Adds the card (or finds it, if <paramref name="id"/> exists already) and returns its id. An id must be
    /// "cl" and lower-case hex digits, as the app's own ids.</summary>
    public static async Task<string> SeedAsync(IServiceProvider services, string name = "ООО «Ромашка»", string? id = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var client = new ClientEntity
        {
            PartitionKey = id ?? "cl" + Guid.NewGuid().ToString("N"),
            Name = name,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        var (stored, _) = await services.GetRequiredService<ClientDirectory>().AddAsync(client, CancellationToken.None);
        return stored.Id;
    }

    /// <summary>POST /api/invoices after putting the body's clientId in the Clients table (an existing card is kept).</summary>
    public static async Task<HttpResponseMessage> PostInvoiceAsync(this HttpClient http, IServiceProvider services, object body)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (JsonSerializer.SerializeToElement(body).TryGetProperty("clientId", out var clientId) && clientId.GetString() is { Length: > 0 } id)
        {
            await SeedAsync(services, id: id);
        }

        return await http.PostAsJsonAsync("/api/invoices", body);
    }
}
