using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Client;
using OfficeFlow.Functions.Contacts.Logging;
using OfficeFlow.Functions.Contacts.Records;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Contacts;

/// <summary>
/// POST /api/contacts/log-email with only an itemId: the real app reads the message through the real Graph SDK on
/// behalf of the caller (real MSAL, its token request re-targeted to the loopback stub) and logs it into Azurite.
/// </summary>
public sealed class LogEmailByItemIdTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string MessageRoute = "/v1.0/me/messages/{id}";
    private const string GraphToken = "graph-token-for-manager-1";
    // A REST id keeps "-", "_" and "=": they must reach Graph and the stored interaction unchanged.
    private const string ItemId = "AAMkADU3ZjkyLTk0-YzQtNDI_AAA=";
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;
    private GraphStub _stub = null!;

    public async Task InitializeAsync()
    {
        _stub = await GraphStub.StartAsync();
        _stub.GrantOnBehalfOf(GraphToken, "manager-1");
    }

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task LogEmail_OnlyItemId_ReadsTheMessageAsTheUser_AndLogsItOnTheMatchedClient()
    {
        await using var host = CreateHost();
        using var http = host.CreateManagerClient();
        var known = await PostAsync(http, ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature));
        ServeMessage(Message("<graph-html-1@romashka.ru>", "buh@romashka.ru", "Анна Сергеева", "Акт сверки за октябрь", "html",
            "<html><body><p>Добрый день!</p><p>Направляем акт сверки за октябрь, просим подписать.</p><p>С уважением,<br>Анна Сергеева<br>главный бухгалтер</p></body></html>"));

        var outcome = await PostAsync(http, new { itemId = ItemId });

        Assert.Equal(LogEmailStatus.Logged, outcome.Status);
        Assert.Equal(("domain", known.Client!.Id), (outcome.MatchedBy, outcome.Client!.Id));
        Assert.Equal("buh@romashka.ru", Assert.Single(outcome.Contact!.Emails));
        var stored = (await LogEmailApiTests.StoredInteractionsAsync(host)).Single(i => i.InternetMessageId == "<graph-html-1@romashka.ru>");
        Assert.Equal(known.Client.Id, stored.ClientId);
        Assert.Equal("Акт сверки за октябрь", stored.Subject);
        Assert.StartsWith("Добрый день!", stored.Snippet);
        Assert.Contains("Направляем акт сверки за октябрь", stored.Snippet);
        Assert.DoesNotContain("<p>", stored.Snippet);
        Assert.Equal(ItemId, stored.ItemId);
        Assert.Equal(new DateTimeOffset(2026, 11, 17, 9, 30, 0, TimeSpan.Zero), stored.At);
        Assert.Equal("add-in", stored.Source);

        // The caller's own API token went to Entra as the on-behalf-of assertion ...
        var exchange = EntraTokenStub.Form(Assert.Single(_stub.RequestsTo("POST", EntraTokenStub.TokenRoute)).BodyText);
        Assert.Equal("urn:ietf:params:oauth:grant-type:jwt-bearer", exchange["grant_type"]);
        Assert.Equal("on_behalf_of", exchange["requested_token_use"]);
        Assert.Equal(http.DefaultRequestHeaders.Authorization!.Parameter, exchange["assertion"]);
        // ... and Graph was asked, with the token Entra gave, for that message of the user's own mailbox.
        var read = Assert.Single(_stub.RequestsTo("GET", MessageRoute));
        Assert.Equal("/v1.0/me/messages/" + ItemId, read.Path);
        Assert.Equal("Bearer " + GraphToken, read.Header("Authorization"));
        var select = Uri.UnescapeDataString(read.Query);
        Assert.All(["internetMessageId", "from", "toRecipients", "ccRecipients", "subject", "sentDateTime", "receivedDateTime", "body"], f => Assert.Contains(f, select));
        Assert.Contains(host.Tasks.Recorded, t => t is { TaskCode: "5.5", EmployeeId: "manager-1", SourceId: "email:<graph-html-1@romashka.ru>" });
    }

    [Fact]
    public async Task LogEmail_OnlyItemId_TextBodyWithSignature_CreatesTheClientFromIt()
    {
        await using var host = CreateHost();
        using var http = host.CreateManagerClient();
        ServeMessage(Message("<graph-text-1@romashka.ru>", "i.petrov@romashka.ru", "Иван Петров", "Счёт на продление", "text",
            "Добрый день!\nПросим выставить счёт на продление подписки.\n\nС уважением,\n" + ContactsEmails.RomashkaSignature + "\n"));

        var outcome = await PostAsync(http, new { itemId = ItemId });

        Assert.Equal((LogEmailStatus.Logged, "created", true), (outcome.Status, outcome.MatchedBy, outcome.ClientCreated));
        Assert.Equal("ООО «Ромашка»", outcome.Client!.DisplayName);
        Assert.Equal("7707083893", outcome.Client.Inn);
        var contact = Assert.Single(outcome.Client.Contacts);
        Assert.Equal(("Иван Петров", "Менеджер по закупкам"), (contact.Name, contact.Position));
        Assert.Equal(["+74951234567;ext=215"], contact.Phones);
        var interaction = Assert.Single(outcome.Client.Interactions);
        Assert.Equal(("in", "Счёт на продление"), (interaction.Direction, interaction.Subject));
        Assert.StartsWith("Добрый день! Просим выставить счёт", interaction.Snippet);
        Assert.Equal(ItemId, Assert.Single(await LogEmailApiTests.StoredInteractionsAsync(host)).ItemId);
    }

    [Fact]
    public async Task LogEmail_SameItemIdTwice_SecondIsAlreadyLogged_OneInteraction()
    {
        await using var host = CreateHost();
        using var http = host.CreateManagerClient();
        ServeMessage(Message("<graph-twice@romashka.ru>", "i.petrov@romashka.ru", "Иван Петров", "Счёт", "text", "Добрый день!\n\n" + ContactsEmails.RomashkaSignature));

        var first = await PostAsync(http, new { itemId = ItemId });
        var second = await PostAsync(http, new { itemId = ItemId });

        Assert.Equal((LogEmailStatus.Logged, LogEmailStatus.AlreadyLogged), (first.Status, second.Status));
        Assert.Equal(first.Interaction!.Id, second.Interaction!.Id);
        Assert.Single(await LogEmailApiTests.StoredInteractionsAsync(host));
        Assert.Equal(2, _stub.RequestsTo("GET", MessageRoute).Count);
    }

    [Fact]
    public async Task LogEmail_ItemNotInTheUsersMailbox_404SaysSoAndNamesTheRestId_NothingStored()
    {
        await using var host = CreateHost();
        using var http = host.CreateManagerClient();
        _stub.OnJson("GET", MessageRoute, 404, new { error = new { code = "ErrorItemNotFound", message = "The specified object was not found in the store." } });

        var problem = await ProblemAsync(http, new { itemId = ItemId }, HttpStatusCode.NotFound);

        Assert.Contains("не найдено в почтовом ящике пользователя", Detail(problem));
        Assert.Contains("Office.context.mailbox.convertToRestId(itemId, Office.MailboxEnums.RestVersion.v2_0)", Detail(problem));
        await AssertNothingStoredAsync(host);
    }

    [Fact]
    public async Task LogEmail_GraphSaysTheIdIsMalformed_400OnItemId_NothingStored()
    {
        await using var host = CreateHost();
        using var http = host.CreateManagerClient();
        _stub.OnJson("GET", MessageRoute, 400, new { error = new { code = "ErrorInvalidIdMalformed", message = "Id is malformed." } });

        var problem = await ProblemAsync(http, new { itemId = "AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0" }, HttpStatusCode.BadRequest);

        var message = problem.GetProperty("errors").GetProperty("itemId")[0].GetString();
        Assert.Contains("не принял itemId", message);
        Assert.Contains("convertToRestId", message);
        await AssertNothingStoredAsync(host);
    }

    [Fact]
    public async Task LogEmail_NoConsentForMailRead_403SaysWhoMustConsent_GraphNotCalled_NothingStored()
    {
        _stub.RefuseOnBehalfOfForConsent();
        await using var host = CreateHost();
        using var http = host.CreateManagerClient();
        ServeMessage(Message("<never-read@romashka.ru>", "i.petrov@romashka.ru", "Иван Петров", "Счёт", "text", "Текст"));

        var problem = await ProblemAsync(http, new { itemId = ItemId }, HttpStatusCode.Forbidden);

        Assert.Contains("согласие на разрешение Mail.Read", Detail(problem));
        Assert.Contains("пользователь или администратор", Detail(problem));
        Assert.Contains("OfficeFlow", Detail(problem));
        Assert.Single(_stub.RequestsTo("POST", EntraTokenStub.TokenRoute));
        Assert.Empty(_stub.RequestsTo("GET", MessageRoute));
        await AssertNothingStoredAsync(host);
    }

    [Fact]
    public async Task LogEmail_GraphKeepsAnswering503_AfterTheSdkRetries_503PleaseRetry_NothingStored()
    {
        await using var host = CreateHost();
        using var http = host.CreateManagerClient();
        _stub.On("GET", MessageRoute, c =>
        {
            // Retry-After: 0 keeps the SDK's RetryHandler from waiting its default back-off in a test.
            c.Http.Response.Headers.RetryAfter = "0";
            return c.JsonAsync(503, new { error = new { code = "ServiceUnavailable", message = "Try again later." } });
        });

        var problem = await ProblemAsync(http, new { itemId = ItemId }, HttpStatusCode.ServiceUnavailable);

        Assert.Contains("Microsoft Graph недоступен, повторите", Detail(problem));
        // The SDK's RetryHandler is the one owner of retries: it tried again, nothing else added attempts.
        Assert.Equal(4, _stub.RequestsTo("GET", MessageRoute).Count);
        await AssertNothingStoredAsync(host);
    }

    [Fact]
    public async Task LogEmail_GraphThrottlesOnce_TheSdkRetriesAfterRetryAfter_AndTheMessageIsLoggedOnce()
    {
        await using var host = CreateHost();
        using var http = host.CreateManagerClient();
        ServeMessage(Message("<graph-throttled@romashka.ru>", "i.petrov@romashka.ru", "Иван Петров", "Счёт", "text", "Добрый день!\n\n" + ContactsEmails.RomashkaSignature));
        _stub.ThrottleOnce("GET", MessageRoute, retryAfterSeconds: 1);

        var outcome = await PostAsync(http, new { itemId = ItemId });

        Assert.Equal(LogEmailStatus.Logged, outcome.Status);
        var reads = _stub.RequestsTo("GET", MessageRoute);
        Assert.Equal([429, 200], reads.Select(r => r.Status));
        Assert.True(reads[1].At - reads[0].At >= TimeSpan.FromSeconds(0.9), "the retry waited for Retry-After");
        Assert.Single(await LogEmailApiTests.StoredInteractionsAsync(host));
    }

    [Fact]
    public async Task LogEmail_DraftWithoutInternetMessageId_422SaysWhy_NothingStored()
    {
        await using var host = CreateHost();
        using var http = host.CreateManagerClient();
        ServeMessage(Message(null, "i.petrov@romashka.ru", "Иван Петров", "Черновик", "text", "Текст черновика"));

        var problem = await ProblemAsync(http, new { itemId = ItemId }, HttpStatusCode.UnprocessableEntity);

        Assert.Contains("нет internetMessageId", Detail(problem));
        Assert.Contains("черновик", Detail(problem));
        await AssertNothingStoredAsync(host);
    }

    [Theory]
    [InlineData("AAMk ADU3")]
    [InlineData("AAMk\u0001ADU3")]
    [InlineData("AAMk\nADU3")]
    public async Task LogEmail_ItemIdWithWhitespaceOrControlCharacters_400BeforeAnyCall(string itemId)
    {
        await using var host = CreateHost();
        using var http = host.CreateManagerClient();

        var problem = await ProblemAsync(http, new { itemId }, HttpStatusCode.BadRequest);

        Assert.Contains("без пробелов и управляющих символов", problem.GetProperty("errors").GetProperty("itemId")[0].GetString());
        Assert.Empty(_stub.Requests);
        await AssertNothingStoredAsync(host);
    }

    [Fact]
    public async Task LogEmail_ItemIdLongerThan1000_400BeforeAnyCall()
    {
        await using var host = CreateHost();
        using var http = host.CreateManagerClient();

        var problem = await ProblemAsync(http, new { itemId = new string('A', 1001) }, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("itemId", out _));
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task LogEmail_BodyPresentWithItemId_LogsTheBodyAndNeverCallsGraph()
    {
        await using var host = CreateHost();
        using var http = host.CreateManagerClient();
        var request = ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature) with { ItemId = ItemId };

        var outcome = await PostAsync(http, request);

        Assert.Equal(LogEmailStatus.Logged, outcome.Status);
        Assert.Equal("Счёт на продление", outcome.Interaction!.Subject);
        Assert.Equal(ItemId, Assert.Single(await LogEmailApiTests.StoredInteractionsAsync(host)).ItemId);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task LogEmail_OnlyItemIdWithoutOnBehalfOf_400OnBodyTextSaysSendTheBodyOrConfigureGraph()
    {
        await using var host = new ContactsTestHost(azurite);
        using var http = host.CreateManagerClient();

        var problem = await ProblemAsync(http, new { itemId = ItemId }, HttpStatusCode.BadRequest);

        var message = problem.GetProperty("errors").GetProperty("bodyText")[0].GetString();
        Assert.Contains("Передайте текст письма", message);
        Assert.Contains("Microsoft Graph от имени пользователя здесь не настроено", message);
        Assert.Empty(_stub.Requests);
        await AssertNothingStoredAsync(host);
    }

    private ContactsTestHost CreateHost() =>
        new(azurite, GraphTestClient.Settings(_stub), services: services =>
        {
            services.UseStubCredential();
            services.AddSingleton<IMsalHttpClientFactory>(new RetargetingMsalHttpClientFactory(new Uri(_stub.Origin)));
        });

    private void ServeMessage(Dictionary<string, object?> message) => _stub.OnJson("GET", MessageRoute, 200, message);

    /// <summary>A message as Graph answers GET /me/messages/{id} with the reader's $select (Graph always adds the id).</summary>
    private static Dictionary<string, object?> Message(string? internetMessageId, string from, string fromName, string subject, string contentType, string body) => new()
    {
        ["id"] = ItemId,
        ["internetMessageId"] = internetMessageId,
        ["subject"] = subject,
        ["from"] = new { emailAddress = new { name = fromName, address = from } },
        ["toRecipients"] = new[] { new { emailAddress = new { name = ContactsEmails.Manager.Name, address = ContactsEmails.Manager.Address } } },
        ["ccRecipients"] = Array.Empty<object>(),
        ["sentDateTime"] = "2026-11-17T09:30:00Z",
        ["receivedDateTime"] = "2026-11-17T09:30:05Z",
        ["body"] = new { contentType, content = body },
    };

    private static async Task<LogEmailOutcome> PostAsync(HttpClient http, object request)
    {
        using var response = await http.PostAsJsonAsync("/api/contacts/log-email", request, Json);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<LogEmailOutcome>(Json))!;
    }

    private static async Task<JsonElement> ProblemAsync(HttpClient http, object request, HttpStatusCode expected)
    {
        using var response = await http.PostAsJsonAsync("/api/contacts/log-email", request, Json);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString()!;

    private static async Task AssertNothingStoredAsync(ContactsTestHost host)
    {
        Assert.Empty(await LogEmailApiTests.StoredAsync<InteractionEntity>(host, "Interactions"));
        Assert.Empty(await LogEmailApiTests.StoredAsync<ClientEntity>(host, "Clients"));
        Assert.Empty(await LogEmailApiTests.StoredAsync<MessageClaimEntity>(host, "LoggedMessages"));
        Assert.Equal(0, host.Tasks.Calls);
    }
}
