using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OfficeFlow.Functions.Contacts;
using OfficeFlow.Functions.Contacts.Logging;

namespace OfficeFlow.Tests.Contacts;

/// <summary>POST /api/contacts/log-email as the add-in sends it, for tests that need a logged message on the way to what they check.</summary>
internal static class LogEmailCalls
{
    /// <summary>Logs the message and returns the answer; anything but 200 fails the test with the problem details it got.</summary>
    public static async Task<LogEmailOutcome> LogAsync(HttpClient http, LogEmailRequest request)
    {
        using var response = await http.PostAsJsonAsync("/api/contacts/log-email", request, JsonSerializerOptions.Web);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<LogEmailOutcome>(JsonSerializerOptions.Web))!;
    }
}
