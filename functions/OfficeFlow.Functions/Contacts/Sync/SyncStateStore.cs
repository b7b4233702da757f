using Azure.Data.Tables;
using OfficeFlow.Functions.Contacts.Records;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Contacts.Sync;

/// <summary>The storage boundary of the mailbox sync's progress (table "MailboxSyncState"): one row per mailbox and folder,
/// holding the link the next run resumes from.</summary>
public sealed class SyncStateStore(ContactsTables tables)
{
    public async Task<SyncStateEntity?> FindAsync(string mailbox, string folder, CancellationToken cancellationToken)
    {
        var table = await tables.SyncState(cancellationToken).ConfigureAwait(false);
        return await table.FindAsync<SyncStateEntity>(mailbox, folder, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the folder's row: the newest link is the only one that matters.</summary>
    public async Task SaveAsync(SyncStateEntity state, CancellationToken cancellationToken)
    {
        var table = await tables.SyncState(cancellationToken).ConfigureAwait(false);
        await table.UpsertAsync(state, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }
}
