using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Contacts.Cards;
using OfficeFlow.Functions.Contacts.Logging;
using OfficeFlow.Functions.Contacts.Records;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Storage;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Contacts;

/// <summary>
/// A log-email that fails half-way (after the interaction, or before task 5.4) fails (503 or 500); the user's retry of the same
/// message must finish the job rather than answer «уже записано» over what was left undone.
/// </summary>
public sealed class LogEmailRetryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    [Fact]
    public async Task FailureAfterTheInteraction_BeforeTheContactsAddress_TheRetryCompletesTheContact()
    {
        var storage = new FailOnce(request => request.Method == RequestMethod.Put
            && Uri.UnescapeDataString(request.Uri.ToString()).Contains("PartitionKey='email'", StringComparison.Ordinal));
        await using var host = new ContactsTestHost(azurite, services: services => services.AddSingleton(_ =>
        {
            var options = StorageModule.CreateClientOptions();
            options.AddPolicy(storage, HttpPipelinePosition.PerCall);
            return new TableServiceClient(azurite.ConnectionString, options);
        }));
        using var http = host.CreateManagerClient();
        var request = ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature);

        using var failed = await http.PostAsJsonAsync("/api/contacts/log-email", request, Json);
        // A storage failure is the hosting's 503 with Retry-After: the user is told to try again.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.True(storage.Failed);
        using var notYet = await http.GetAsync("/api/clients/lookup?email=i.petrov@romashka.ru");
        Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);

        var retry = await LogEmailCalls.LogAsync(http, request);

        Assert.Equal(LogEmailStatus.AlreadyLogged, retry.Status);
        using var lookup = await http.GetAsync("/api/clients/lookup?email=i.petrov@romashka.ru");
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        Assert.Equal(retry.Client!.Id, (await lookup.Content.ReadFromJsonAsync<ClientCard>(Json))!.Id);
        var found = await http.GetFromJsonAsync<JsonElement>("/api/clients?search=ромаш", Json);
        Assert.Equal(retry.Client.Id, Assert.Single(found.EnumerateArray()).GetProperty("id").GetString());
        Assert.Single(host.Tasks.EntriesFor("5.5"));
    }

    [Fact]
    public async Task RecordingTask54Fails_TheRetryRecordsIt_Once()
    {
        ContactsTestHost? host = null;
        var recorder = new FailingOnceRecorder("5.4", () => host!.Tasks);
        host = new ContactsTestHost(azurite, services: services => services.AddSingleton<ITaskRecorder>(recorder));
        await using var _ = host;
        using var http = host.CreateManagerClient();
        var request = ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature);

        using var failed = await http.PostAsJsonAsync("/api/contacts/log-email", request, Json);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Empty(host.Tasks.Recorded);

        var retry = await LogEmailCalls.LogAsync(http, request);
        var again = await LogEmailCalls.LogAsync(http, request);

        Assert.Equal(LogEmailStatus.Logged, retry.Status);
        Assert.Equal(LogEmailStatus.AlreadyLogged, again.Status);
        var newClient = Assert.Single(host.Tasks.EntriesFor("5.4"));
        Assert.Equal(("client:" + retry.Client!.Id, "manager-1"), (newClient.SourceId, newClient.EmployeeId));
        Assert.Single(host.Tasks.EntriesFor("5.5"));
        Assert.Single(await LogEmailApiTests.StoredAsync<ClientEntity>(host, "Clients"));
    }

    [Fact]
    public async Task Task54ThatFailed_RecordedByARetryInTheNextMonth_IsCreditedInTheMonthTheClientWasCreated()
    {
        // A message without sentAt (the add-in may not send it) is dated by the clock: the retry after the month turned must not
        // move task 5.4 (the ledger's partition is the month, so it would be credited in December, or twice).
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        ContactsTestHost? host = null;
        var recorder = new FailingOnceRecorder("5.4", () => host!.Tasks);
        host = new ContactsTestHost(azurite, services: services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<ITaskRecorder>(recorder);
        });
        await using var _ = host;
        using var http = host.CreateManagerClient();
        SignIn(http, clock);
        var request = ContactsEmails.FromClient("i.petrov@romashka.ru", "Иван Петров", ContactsEmails.RomashkaSignature) with { SentAt = null };

        using var failed = await http.PostAsJsonAsync("/api/contacts/log-email", request, Json);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        clock.Advance(TimeSpan.FromDays(2));
        SignIn(http, clock);
        var retry = await LogEmailCalls.LogAsync(http, request);

        Assert.Equal(LogEmailStatus.Logged, retry.Status);
        Assert.Equal("2026-12-02", retry.Interaction!.At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var newClient = Assert.Single(host.Tasks.EntriesFor("5.4"));
        Assert.Equal("client:" + retry.Client!.Id, newClient.SourceId);
        Assert.Equal("2026-11", newClient.At.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        Assert.All(host.Tasks.CallsFor("5.4"), t => Assert.Equal(newClient.At, t.At));
    }

    // The app checks token lifetimes on its (manual) clock: mint the token on the same clock.
    private static void SignIn(HttpClient http, TimeProvider clock) =>
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            DevTokenIssuer.Issue(TestTokens.Key, new DevTokenRequest("manager-1", [Roles.Manager]), clock));

    /// <summary>Refuses the first storage request that matches, before it is sent (so nothing of it is written).</summary>
    private sealed class FailOnce(Func<Request, bool> matches) : HttpPipelinePolicy
    {
        private int _failed;

        public bool Failed => _failed == 1;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Check(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Check(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void Check(HttpMessage message)
        {
            if (matches(message.Request) && Interlocked.CompareExchange(ref _failed, 1, 0) == 0)
            {
                throw new RequestFailedException(503, "Injected: storage failed");
            }
        }
    }

    /// <summary>Fails the first recording of one task code, passes everything else to the test host's recorder.</summary>
    private sealed class FailingOnceRecorder(string taskCode, Func<ITaskRecorder> inner) : ITaskRecorder
    {
        private int _failed;

        public Task RecordAsync(TaskEvent taskEvent, CancellationToken cancellationToken = default) =>
            taskEvent.TaskCode == taskCode && Interlocked.CompareExchange(ref _failed, 1, 0) == 0
                ? throw new InvalidOperationException("Injected: the ledger failed")
                : inner().RecordAsync(taskEvent, cancellationToken);
    }
}
