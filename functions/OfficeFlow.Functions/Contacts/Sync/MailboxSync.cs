using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Users.Item.MailFolders.Item.Messages.Delta;
using OfficeFlow.Functions.Contacts.Logging;
using OfficeFlow.Functions.Contacts.Matching;
using OfficeFlow.Functions.Contacts.Records;
using OfficeFlow.Functions.Graph;
using OfficeFlow.Functions.Hosting.Timers;

namespace OfficeFlow.Functions.Contacts.Sync;

/// <summary>
/// The "MailboxSync" timer: reads new mail in the shared mailbox's Inbox and Sent Items with Graph delta queries
/// and logs the messages from or to known clients (others are ignored). The delta link (or, mid-round, the next
/// page's link) is kept in Table Storage after every page, so a restart resumes where the last run stopped; the
/// first run looks back <see cref="ContactsOptions.SyncLookbackDays"/> days. Logging is idempotent per message,
/// so a page read twice logs nothing twice. Retries of 429/503 belong to the Graph SDK's RetryHandler.
/// </summary>
public sealed class MailboxSync(
    IServiceProvider services,
    GraphSettings graphSettings,
    SyncStateStore syncState,
    ClientDirectory directory,
    LoggingPolicy policy,
    EmailLogger logger,
    IOptions<ContactsOptions> options,
    TimeProvider time) : ITimerFunction
{
    public static readonly IReadOnlyList<string> Folders = ["inbox", "sentitems"];

    private static readonly string[] SelectedFields =
        ["id", "internetMessageId", "subject", "from", "toRecipients", "ccRecipients", "sentDateTime", "receivedDateTime", "body"];

    public string Name => "MailboxSync";

    public string ScheduleSetting => "Contacts:MailboxSyncSchedule";

    public string DefaultSchedule => "0 */15 * * * *";

    public async Task RunAsync(TimerInvocation invocation, CancellationToken cancellationToken)
    {
        if (!graphSettings.IsConfigured || graphSettings.Mailbox.Length == 0)
        {
            invocation.Log.LogInformation("Mailbox sync has nothing to read: Microsoft Graph is not configured (Graph:TenantId, Graph:ClientId, Graph:ClientSecret or managed identity, and Graph:Mailbox).");
            return;
        }

        var graph = services.GetRequiredService<GraphServiceClient>();
        foreach (var folder in Folders)
        {
            var totals = await SyncFolderAsync(graph, folder, invocation.Log, cancellationToken).ConfigureAwait(false);
            invocation.Log.LogInformation("Mailbox sync of {Folder}: {Pages} pages, {Seen} messages, {Logged} logged, {AlreadyLogged} already logged, {Ignored} not from or to known clients",
                folder, totals.Pages, totals.Seen, totals.Logged, totals.AlreadyLogged, totals.Ignored);
        }
    }

    private async Task<SyncTotals> SyncFolderAsync(GraphServiceClient graph, string folder, ILogger log, CancellationToken cancellationToken)
    {
        var mailbox = graphSettings.Mailbox.ToLowerInvariant();
        var state = await syncState.FindAsync(mailbox, folder, cancellationToken).ConfigureAwait(false);
        var delta = graph.Users[graphSettings.Mailbox].MailFolders[folder].Messages.Delta;
        var totals = new SyncTotals();

        DeltaGetResponse? page;
        if (state is { Link.Length: > 0 })
        {
            page = await delta.WithUrl(state.Link).GetAsDeltaGetResponseAsync(Configure, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var since = time.GetUtcNow().AddDays(-options.Value.SyncLookbackDays).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            log.LogInformation("Mailbox sync of {Folder} starts fresh, looking back to {Since}", folder, since);
            page = await delta.GetAsDeltaGetResponseAsync(request =>
            {
                Configure(request);
                request.QueryParameters.Filter = $"receivedDateTime ge {since}";
                request.QueryParameters.Select = SelectedFields;
            }, cancellationToken).ConfigureAwait(false);
        }

        while (page is not null)
        {
            totals.Pages++;
            foreach (var message in page.Value ?? [])
            {
                await LogIfKnownClientAsync(message, totals, cancellationToken).ConfigureAwait(false);
            }

            var link = page.OdataNextLink ?? page.OdataDeltaLink;
            if (link is null)
            {
                throw new InvalidOperationException($"Graph returned a delta page of {folder} with neither @odata.nextLink nor @odata.deltaLink.");
            }

            await syncState.SaveAsync(new SyncStateEntity
            {
                PartitionKey = mailbox,
                RowKey = folder,
                Link = link,
                RoundComplete = page.OdataNextLink is null,
                UpdatedAt = time.GetUtcNow(),
            }, cancellationToken).ConfigureAwait(false);

            page = page.OdataNextLink is null
                ? null
                : await delta.WithUrl(page.OdataNextLink).GetAsDeltaGetResponseAsync(Configure, cancellationToken).ConfigureAwait(false);
        }

        return totals;
    }

    // Plain-text bodies are what the signature reader wants; Graph converts when asked.
    private static void Configure(Microsoft.Kiota.Abstractions.RequestConfiguration<DeltaRequestBuilder.DeltaRequestBuilderGetQueryParameters> request) =>
        request.Headers.Add("Prefer", "outlook.body-content-type=\"text\"");

    private async Task LogIfKnownClientAsync(Microsoft.Graph.Models.Message message, SyncTotals totals, CancellationToken cancellationToken)
    {
        totals.Seen++;
        var request = GraphMessageMapper.ToRequest(message);
        if (request is null || LogEmailValidation.Validate(request).Count > 0)
        {
            totals.Ignored++;
            return;
        }

        var decision = policy.Decide(request.From, (request.To ?? []).Concat(request.Cc ?? []));
        var inn = decision is { ShouldLog: true, Outgoing: false }
            ? Extraction.SignatureExtractor.Extract(request.BodyText, request.BodyHtml, decision.CounterpartyName).Inn
            : null;
        var match = await ClientMatcher.MatchAsync(decision, inn, directory, cancellationToken).ConfigureAwait(false);
        if (match.ClientId is null)
        {
            totals.Ignored++;
            return;
        }

        var employee = options.Value.SyncEmployeeId;
        var actor = new LoggingActor(employee ?? "mailbox-sync", "Синхронизация почтового ящика", "mailbox-sync", RecordTasks: employee is not null);
        var outcome = await logger.LogAsync(request, actor, cancellationToken).ConfigureAwait(false);
        if (outcome.Status == LogEmailStatus.Logged)
        {
            totals.Logged++;
        }
        else
        {
            totals.AlreadyLogged++;
        }
    }

    private sealed class SyncTotals
    {
        public int Pages { get; set; }
        public int Seen { get; set; }
        public int Logged { get; set; }
        public int AlreadyLogged { get; set; }
        public int Ignored { get; set; }
    }
}
