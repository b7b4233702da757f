using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OfficeFlow.Functions.Auth;
using Azure.Data.Tables;
using OfficeFlow.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OfficeFlow.Tests.Hosting;

/// <summary>
/// Table Storage going away under load: 300 log-email requests from 4 clients against the real pipeline, with the
/// test's own Azurite (on disk) stopped gracefully and started again on the same folder in the middle. The app stays
/// up; requests during the outage get 503 with Retry-After and a Russian ProblemDetails within 5 s; every request that
/// got 2xx is stored, and nothing a 503 answered is left half-written (an interaction without its contact).
/// </summary>
public sealed class StorageOutageTests(ITestOutputHelper output)
{
    private const int Clients = 4;
    private const int RequestsPerClient = 75;
    private static readonly TimeSpan OutageAnswer = TimeSpan.FromSeconds(5);

    private sealed record Sent(string MessageId, int Status, TimeSpan Took, string? RetryAfter, string? Title);

    [Fact]
    public async Task LogEmail_StorageStoppedAndRestarted_Answers503ThenRecovers_LosingNothing()
    {
        using var azurite = new DiskAzurite();
        using var factory = new OfficeFlowApiFactory()
            .WithSettings(TestTokens.Settings)
            .WithSetting("Storage:ConnectionString", azurite.ConnectionString)
            .WithSetting("RateLimits:WritesPerMinute", "100000")
            .WithSetting("Local:DataFolder", Path.Combine(Path.GetTempPath(), "officeflow-outage-" + Guid.NewGuid().ToString("N")));
        using var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        client.DefaultRequestHeaders.Authorization = TestTokens.Bearer("outage-user", Roles.Manager);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);

        var sent = new ConcurrentBag<Sent>();
        var done = 0;
        var outage = Task.Run(async () =>
        {
            // Mid-run: stop (SIGINT, Azurite saves), stay down long enough for requests to meet the outage, start again.
            while (Volatile.Read(ref done) < Clients * RequestsPerClient / 3)
            {
                await Task.Delay(20);
            }

            azurite.StopGracefully();
            await Task.Delay(TimeSpan.FromSeconds(1));
            var health = await client.GetAsync("/api/health");
            azurite.Start();
            return health.StatusCode;
        });

        var senders = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < RequestsPerClient; i++)
            {
                var messageId = $"<outage-{c}-{i}-{Guid.NewGuid():N}@client{i % 6}.ru>";
                var watch = Stopwatch.StartNew();
                using var response = await client.PostAsJsonAsync("/api/contacts/log-email", Body(messageId, c, i));
                var body = await response.Content.ReadAsStringAsync();
                watch.Stop();
                var title = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                    ? JsonDocument.Parse(body).RootElement.GetProperty("title").GetString() : null;
                sent.Add(new Sent(messageId, (int)response.StatusCode, watch.Elapsed, response.Headers.RetryAfter?.ToString(), title));
                Interlocked.Increment(ref done);
                // A manager's pace, not a flood: the outage then falls across many requests.
                await Task.Delay(50);
            }
        })).ToList();
        await Task.WhenAll(senders);
        var healthDuringOutage = await outage;

        // The app recovers by itself: health answers 200 again without a restart.
        var recovered = Stopwatch.StartNew();
        while ((await client.GetAsync("/api/health")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(recovered.Elapsed < TimeSpan.FromSeconds(30), "The app did not see storage again within 30 s of Azurite's restart.");
            await Task.Delay(200);
        }

        var stored = await StoredAsync(azurite, factory.TablePrefix);
        var ok = sent.Where(s => s.Status is >= 200 and < 300).ToList();
        var unavailable = sent.Where(s => s.Status == 503).ToList();
        var lost = ok.Where(s => !stored.Interactions.ContainsKey(s.MessageId)).ToList();
        var halfWritten = stored.Interactions.Where(i => !stored.ContactIds.Contains(i.Value)).Select(i => i.Key).ToList();
        var other = sent.Where(s => s.Status is not (>= 200 and < 300) and not 503).ToList();
        output.WriteLine($"{sent.Count} requests from {Clients} clients: {ok.Count} stored (2xx), {unavailable.Count} got 503, {other.Count} failed otherwise; " +
                         $"lost {lost.Count}; half-written {halfWritten.Count}; health during the outage {(int)healthDuringOutage}; " +
                         $"slowest 503 {(unavailable.Count == 0 ? 0 : unavailable.Max(s => s.Took.TotalMilliseconds)):0} ms; recovered {recovered.Elapsed.TotalSeconds:0.0} s after the run.");

        Assert.Equal(Clients * RequestsPerClient, sent.Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, healthDuringOutage);
        Assert.NotEmpty(unavailable);
        Assert.Empty(other.Select(s => $"{s.MessageId}: {s.Status} {s.Title}"));
        Assert.All(unavailable, s =>
        {
            Assert.True(s.Took < OutageAnswer, $"503 after {s.Took.TotalSeconds:0.0} s");
            Assert.Equal("5", s.RetryAfter);
            Assert.Equal("Хранилище данных недоступно", s.Title);
        });
        Assert.Empty(lost.Select(s => s.MessageId));
        Assert.Empty(halfWritten);
    }

    private static object Body(string messageId, int client, int i) => new
    {
        internetMessageId = messageId,
        from = new { address = $"person{client}x{i}@client{i % 6}.ru", name = $"Пётр Сидоров {client}-{i}" },
        to = new[] { new { address = "manager@officeflow.example" } },
        subject = $"Счёт на оплату {client}-{i}",
        bodyText = $"Добрый день!\n\nПришлите, пожалуйста, счёт.\n\nС уважением,\nПётр Сидоров\nООО «Клиент {i % 6}»\n+7 495 123-45-6{i % 10}",
    };

    /// <summary>The interactions as stored (message id → contact id) and the ids of the contacts stored.</summary>
    private static async Task<(Dictionary<string, string> Interactions, HashSet<string> ContactIds)> StoredAsync(DiskAzurite azurite, string prefix)
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        var interactions = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in service.GetTableClient(prefix + "Interactions").QueryAsync<TableEntity>(select: ["InternetMessageId", "ContactId"]))
        {
            // The table also holds each client's card head, which is not an interaction.
            if (row.TryGetValue("InternetMessageId", out var id) && id is string messageId)
            {
                interactions[messageId] = row.TryGetValue("ContactId", out var contact) ? contact as string ?? "" : "";
            }
        }

        var contacts = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in service.GetTableClient(prefix + "Contacts").QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            contacts.Add(row.RowKey);
        }

        return (interactions, contacts);
    }
}
