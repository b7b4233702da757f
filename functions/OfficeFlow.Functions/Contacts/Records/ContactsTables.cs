using OfficeFlow.Functions.Storage;
using Azure.Data.Tables;

namespace OfficeFlow.Functions.Contacts.Records;

/// <summary>The tables of the Contacts capability (names as in docs/contacts.md; the app's table prefix applies).</summary>
public sealed class ContactsTables(TableStore store)
{
    public Task<TableClient> Clients(CancellationToken ct) => store.GetTableAsync("Clients", ct);
    public Task<TableClient> Contacts(CancellationToken ct) => store.GetTableAsync("Contacts", ct);
    public Task<TableClient> Interactions(CancellationToken ct) => store.GetTableAsync("Interactions", ct);
    public Task<TableClient> Index(CancellationToken ct) => store.GetTableAsync("ClientIndex", ct);
    public Task<TableClient> LoggedMessages(CancellationToken ct) => store.GetTableAsync("LoggedMessages", ct);
    public Task<TableClient> SyncState(CancellationToken ct) => store.GetTableAsync("MailboxSyncState", ct);
}
