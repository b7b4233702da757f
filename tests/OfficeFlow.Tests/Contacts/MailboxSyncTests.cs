using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Contacts.Logging;
using OfficeFlow.Functions.Contacts.Records;
using OfficeFlow.Functions.Contacts.Sync;
using OfficeFlow.Functions.Hosting.Timers;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Contacts;

/// <summary>The MailboxSync timer with the real Graph SDK against the loopback GraphStub, and real Azurite.</summary>
public sealed class MailboxSyncTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Delta = "/v1.0/users/{mailbox}/mailFolders/{folder}/messages/delta";
    private GraphStub _stub = null!;

    // Fixed for the run, near the real time because the app also validates test tokens against this clock.
    private readonly DateTimeOffset _now = new(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);

    public async Task InitializeAsync() => _stub = await GraphStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task Run_FollowsPages_LogsKnownClientsOnly_AndStoresTheDeltaLink()
    {
        ServeInbox(
            page1: [Message("m1", "i.petrov@romashka.ru", "Иван Петров"), Message("m2", "stranger@unknown.example", "Незнакомец")],
            page2: [Message("m3", "buh@romashka.ru", "Бухгалтерия")]);
        ServeSentItems([Message("s1", "m.kuznetsova@bizsoft-firm.ru", "Мария", to: "i.petrov@romashka.ru")]);
        await using var host = CreateHost();
        var clientId = await SeedKnownClientAsync(host);
        var log = new ListLogger();

        await RunAsync(host, log);

        var interactions = await LogEmailApiTests.StoredInteractionsAsync(host);
        Assert.Equal(["<m1@mail.test>", "<m3@mail.test>", "<s1@mail.test>", "<seed@mail.test>"], interactions.Select(i => i.InternetMessageId).Order());
        Assert.All(interactions, i => Assert.Equal(clientId, i.ClientId));
        Assert.Contains(interactions, i => i is { InternetMessageId: "<s1@mail.test>", Direction: InteractionDirection.Out, Source: "mailbox-sync" });
        var firstRequest = _stub.RequestsTo("GET", Delta)[0];
        Assert.Contains($"receivedDateTime ge {_now.AddDays(-14):yyyy-MM-ddTHH:mm:ss}Z", Uri.UnescapeDataString(firstRequest.Query));
        Assert.Contains("outlook.body-content-type", firstRequest.Header("Prefer"));
        var states = await LogEmailApiTests.StoredAsync<SyncStateEntity>(host, "MailboxSyncState");
        Assert.Equal(["inbox:d1", "sentitems:s-d1"], states.Select(s => s.RowKey + ":" + s.Link[(s.Link.IndexOf("$deltatoken=", StringComparison.Ordinal) + 12)..]).Order());
        Assert.All(states, s => Assert.True(s.RoundComplete));
        Assert.Contains(log.Lines, l => l.Contains("inbox: 2 pages, 3 messages, 2 logged, 0 already logged, 1 not from or to known clients", StringComparison.Ordinal));
        // The sync has no employee configured: it logs contacts but puts no tasks in anyone's grades.
        Assert.Equal(2, host.Tasks.Calls);
    }

    [Fact]
    public async Task Run_AfterARestart_ResumesFromTheStoredDeltaLink()
    {
        ServeInbox(page1: [Message("m1", "i.petrov@romashka.ru", "Иван Петров")], page2: []);
        ServeSentItems([]);
        string prefix;
        await using (var first = CreateHost())
        {
            prefix = first.TablePrefix;
            await SeedKnownClientAsync(first);
            await RunAsync(first, new ListLogger());
        }

        await using var restarted = CreateHost(prefix);
        await RunAsync(restarted, new ListLogger());

        var inboxRequests = _stub.RequestsTo("GET", Delta).Where(r => r.Path.Contains("/inbox/", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, inboxRequests.Count);
        Assert.Contains("$deltatoken=d1", Uri.UnescapeDataString(inboxRequests[2].Query));
        Assert.DoesNotContain("receivedDateTime", Uri.UnescapeDataString(inboxRequests[2].Query));
        var interactions = await LogEmailApiTests.StoredInteractionsAsync(restarted);
        Assert.Equal(["<m1@mail.test>", "<m9@mail.test>", "<seed@mail.test>"], interactions.Select(i => i.InternetMessageId).Order());
    }

    [Fact]
    public async Task Run_CrashMidRound_TheNextRunResumesAtThePageItStoppedOn()
    {
        ServeInbox(page1: [Message("m1", "i.petrov@romashka.ru", "Иван Петров")], page2: [Message("m3", "buh@romashka.ru", "Бухгалтерия")]);
        ServeSentItems([]);
        // Page 2 fails once with an error no retry handles: the run stops after page 1.
        var failures = 1;
        var serve = _stub;
        _stub.On("GET", Delta, c =>
        {
            if (c.Http.Request.Query.ContainsKey("$skiptoken") && Interlocked.Decrement(ref failures) >= 0)
            {
                return c.JsonAsync(500, new { error = new { code = "generalException", message = "boom" } });
            }

            return ServePage(serve, c);
        });
        await using var host = CreateHost();
        await SeedKnownClientAsync(host);

        await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(host, new ListLogger()));
        var midRound = Assert.Single(await LogEmailApiTests.StoredAsync<SyncStateEntity>(host, "MailboxSyncState"));
        Assert.False(midRound.RoundComplete);
        Assert.Contains("$skiptoken=p2", midRound.Link);
        await RunAsync(host, new ListLogger());

        var interactions = await LogEmailApiTests.StoredInteractionsAsync(host);
        Assert.Equal(["<m1@mail.test>", "<m3@mail.test>", "<seed@mail.test>"], interactions.Select(i => i.InternetMessageId).Order());
        var inboxQueries = _stub.RequestsTo("GET", Delta).Where(r => r.Path.Contains("/inbox/", StringComparison.Ordinal)).Select(r => Uri.UnescapeDataString(r.Query)).ToList();
        Assert.Equal(3, inboxQueries.Count);
        Assert.Contains("$skiptoken=p2", inboxQueries[2]);
    }

    [Fact]
    public async Task Run_Throttled429WithRetryAfter_IsRetriedByTheSdkWithoutDuplicates()
    {
        ServeInbox(page1: [Message("m1", "i.petrov@romashka.ru", "Иван Петров")], page2: [Message("m3", "buh@romashka.ru", "Бухгалтерия")]);
        ServeSentItems([]);
        _stub.ThrottleOnce("GET", Delta, retryAfterSeconds: 1, times: 2);
        await using var host = CreateHost();
        await SeedKnownClientAsync(host);

        await RunAsync(host, new ListLogger());

        var requests = _stub.RequestsTo("GET", Delta);
        Assert.Equal([429, 429], requests.Take(2).Select(r => r.Status));
        Assert.True(requests[2].At - requests[1].At >= TimeSpan.FromSeconds(0.9), "the SDK waited for Retry-After");
        var interactions = await LogEmailApiTests.StoredInteractionsAsync(host);
        Assert.Equal(["<m1@mail.test>", "<m3@mail.test>", "<seed@mail.test>"], interactions.Select(i => i.InternetMessageId).Order());
    }

    [Fact]
    public async Task Run_WithoutGraphConfiguration_SaysItHasNothingToRead()
    {
        await using var host = new ContactsTestHost(azurite);
        var log = new ListLogger();

        await RunAsync(host, log);

        Assert.Contains(log.Lines, l => l.Contains("nothing to read", StringComparison.Ordinal));
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public void Timer_IsRegisteredWithItsNameAndSchedule()
    {
        using var host = new ContactsTestHost(azurite);
        var timer = Assert.Single(host.Services.GetServices<ITimerFunction>(), t => t.Name == "MailboxSync");

        Assert.Equal(("0 */15 * * * *", "Contacts:MailboxSyncSchedule"), (timer.DefaultSchedule, timer.ScheduleSetting));
    }

    private ContactsTestHost CreateHost(string? tablePrefix = null)
    {
        var settings = new Dictionary<string, string?>(GraphTestClient.Settings(_stub)) { ["Contacts:SyncLookbackDays"] = "14" };
        return new ContactsTestHost(azurite, settings, tablePrefix, services =>
        {
            services.UseStubCredential();
            services.AddSingleton<TimeProvider>(new FixedTime(_now));
        });
    }

    private static async Task<string> SeedKnownClientAsync(ContactsTestHost host)
    {
        using var http = host.CreateManagerClient();
        var seed = ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature, messageId: "<seed@mail.test>");
        using var response = await http.PostAsJsonAsync("/api/contacts/log-email", seed);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<LogEmailOutcome>(JsonSerializerOptions.Web))!.Client!.Id;
    }

    private static Task RunAsync(ContactsTestHost host, ListLogger log)
    {
        var timer = host.Services.GetRequiredService<MailboxSync>();
        return timer.RunAsync(new TimerInvocation("MailboxSync", false, null, null, log), CancellationToken.None);
    }

    private readonly Dictionary<string, object[]> _pages = new(StringComparer.Ordinal);

    // Inbox: the first request (with $filter) gets page1 and a nextLink; "$skiptoken=p2" gets page2 and deltaLink d1;
    // "$deltatoken=d1" (the next run) gets one new message and deltaLink d2.
    private void ServeInbox(object[] page1, object[] page2)
    {
        _pages["inbox:first"] = page1;
        _pages["inbox:p2"] = page2;
        _pages["inbox:d1"] = [Message("m9", "i.petrov@romashka.ru", "Иван Петров")];
        var stub = _stub;
        _stub.On("GET", Delta, c => ServePage(stub, c));
    }

    private void ServeSentItems(object[] messages) => _pages["sentitems:first"] = messages;

    private Task ServePage(GraphStub stub, StubContext c)
    {
        var folder = c.RouteValues["folder"];
        var query = c.Http.Request.Query;
        var link = $"{stub.BaseUrl}/users/{c.RouteValues["mailbox"]}/mailFolders/{folder}/messages/delta()";
        var body = new Dictionary<string, object>();
        if (folder == "sentitems")
        {
            body["value"] = query.ContainsKey("$deltatoken") ? [] : _pages.GetValueOrDefault("sentitems:first", []);
            body["@odata.deltaLink"] = link + "?$deltatoken=s-d1";
        }
        else if (query.ContainsKey("$skiptoken"))
        {
            body["value"] = _pages["inbox:p2"];
            body["@odata.deltaLink"] = link + "?$deltatoken=d1";
        }
        else if (query["$deltatoken"] == "d1")
        {
            body["value"] = _pages["inbox:d1"];
            body["@odata.deltaLink"] = link + "?$deltatoken=d2";
        }
        else
        {
            body["value"] = _pages["inbox:first"];
            body["@odata.nextLink"] = link + "?$skiptoken=p2";
        }

        return c.JsonAsync(200, body);
    }

    private static object Message(string id, string from, string name, string to = "office@firm.example") => new Dictionary<string, object?>
    {
        ["id"] = "AAMk-" + id,
        ["internetMessageId"] = $"<{id}@mail.test>",
        ["subject"] = "Письмо " + id,
        ["sentDateTime"] = "2026-11-20T10:00:00Z",
        ["receivedDateTime"] = "2026-11-20T10:00:05Z",
        ["from"] = new { emailAddress = new { name, address = from } },
        ["toRecipients"] = new[] { new { emailAddress = new { name = "Получатель", address = to } } },
        ["body"] = new { contentType = "text", content = $"Добрый день!\nТекст письма {id}.\n\nС уважением,\n{name}" },
    };

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
