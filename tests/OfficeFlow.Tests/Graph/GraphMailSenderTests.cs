using System.Text;
using Microsoft.Extensions.Configuration;
using OfficeFlow.Functions.Graph;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Graph;

public sealed class GraphMailSenderTests : IAsyncLifetime
{
    private const string SendMail = "/v1.0/users/{mailbox}/sendMail";
    private GraphStub _stub = null!;

    public async Task InitializeAsync()
    {
        _stub = await GraphStub.StartAsync();
        _stub.OnJson("POST", SendMail, 202);
    }

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private GraphMailSender CreateSut() => new(GraphTestClient.Create(_stub), GraphSettings.Load(
        new ConfigurationBuilder().AddInMemoryCollection(GraphTestClient.Settings(_stub)).Build()));

    private static OutgoingMail Reminder(string key = "invoice-42-step-1") => new(
        ["buh@client.example", "director@client.example"],
        "Напоминание об оплате счёта № 42",
        "<p>Здравствуйте! Счёт № 42 на <b>12 000,00 ₽</b> ожидает оплаты.</p>",
        key,
        [new MailAttachment("Счёт 42.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4 test"))]);

    [Fact]
    public async Task Send_PostsToTheSharedMailbox_WithHtmlBodyRecipientsAndAttachment()
    {
        await CreateSut().SendAsync(Reminder());

        var request = Assert.Single(_stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v1.0/users/{GraphTestClient.Mailbox}/sendMail", request.Path);
        Assert.Equal("Bearer " + GraphTestClient.Token, request.Header("Authorization"));

        var message = request.Json().Property("message");
        Assert.Equal("Напоминание об оплате счёта № 42", message.GetProperty("subject").GetString());
        Assert.Equal("html", message.GetProperty("body").GetProperty("contentType").GetString(), ignoreCase: true);
        Assert.Contains("12 000,00 ₽", message.GetProperty("body").GetProperty("content").GetString());
        Assert.Equal(
            new[] { "buh@client.example", "director@client.example" },
            message.GetProperty("toRecipients").EnumerateArray().Select(r => r.GetProperty("emailAddress").GetProperty("address").GetString()!).ToArray());

        var attachment = Assert.Single(message.GetProperty("attachments").EnumerateArray());
        Assert.Equal("#microsoft.graph.fileAttachment", attachment.GetProperty("@odata.type").GetString());
        Assert.Equal("Счёт 42.pdf", attachment.GetProperty("name").GetString());
        Assert.Equal("%PDF-1.4 test", Encoding.ASCII.GetString(attachment.GetProperty("contentBytes").GetBytesFromBase64()));

        var header = Assert.Single(message.GetProperty("internetMessageHeaders").EnumerateArray());
        Assert.Equal(GraphMailSender.KeyHeader, header.GetProperty("name").GetString());
        Assert.Equal("invoice-42-step-1", header.GetProperty("value").GetString());
        Assert.True(request.Json().Property("saveToSentItems").GetBoolean());
    }

    [Fact]
    public async Task Send_Throttled429WithRetryAfter_IsSentExactlyOnceAfterWaiting()
    {
        _stub.ThrottleOnce("POST", SendMail, retryAfterSeconds: 1);

        await CreateSut().SendAsync(Reminder());

        var requests = _stub.RequestsTo("POST", SendMail);
        Assert.Equal([429, 202], requests.Select(r => r.Status).ToArray());
        Assert.Single(requests, r => r.Status == 202);
        Assert.Equal(requests[0].BodyText, requests[1].BodyText);
        // The SDK waited for Retry-After (measured on the stub's clock, between the two arrivals).
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(950), $"retried after {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Send_ServerRejects_ThrowsAndSendsNothingElse()
    {
        _stub.OnJson("POST", SendMail, 400, new { error = new { code = "ErrorInvalidRecipients", message = "bad" } });

        await Assert.ThrowsAnyAsync<Exception>(() => CreateSut().SendAsync(Reminder()));

        Assert.Single(_stub.Requests);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("Name <a@b.example>")]
    public async Task Send_BadRecipient_IsRefusedBeforeAnyCall(string address)
    {
        var mail = Reminder() with { To = [address] };
        var error = await Assert.ThrowsAsync<ArgumentException>(() => CreateSut().SendAsync(mail));
        Assert.Contains(address, error.Message);
        Assert.Empty(_stub.Requests);
    }
}

internal static class JsonElementExtensions
{
    /// <summary>A property by name, ignoring case: the SDK writes sendMail's "Message" capitalised, Graph reads either.</summary>
    public static System.Text.Json.JsonElement Property(this System.Text.Json.JsonElement element, string name) =>
        element.EnumerateObject().Single(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
}
