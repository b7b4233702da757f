using Azure;
using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Contacts.Records;

/// <summary>
/// The storage boundary of log-email's message claims (table "LoggedMessages", <see cref="MessageClaimEntity"/>): one row
/// per message, added once, then replaced or deleted only under the ETag it was read with. The waiting, takeover and
/// release rules are <c>Logging/MessageClaims</c>'s; this class only says what storage answered.
/// </summary>
public sealed class MessageClaimStore(ContactsTables tables)
{
    /// <summary>Adds the claim; false when the message has a claim already. The new ETag goes on <paramref name="claim"/>.</summary>
    public async Task<bool> TryAddAsync(MessageClaimEntity claim, CancellationToken cancellationToken)
    {
        var table = await tables.LoggedMessages(cancellationToken).ConfigureAwait(false);
        return await table.TryAddAsync(claim, cancellationToken).ConfigureAwait(false) == TableWriteStatus.Ok;
    }

    /// <summary>The message's claim as stored, with its ETag; null when there is none.</summary>
    public async Task<MessageClaimEntity?> FindAsync(string messageHash, CancellationToken cancellationToken)
    {
        var table = await tables.LoggedMessages(cancellationToken).ConfigureAwait(false);
        return await table.FindAsync<MessageClaimEntity>(messageHash, MessageClaimEntity.Row, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the claim if it is still the version <paramref name="ifMatch"/> names; false when someone changed or deleted it.</summary>
    public async Task<bool> TryReplaceAsync(MessageClaimEntity replacement, ETag ifMatch, CancellationToken cancellationToken)
    {
        var table = await tables.LoggedMessages(cancellationToken).ConfigureAwait(false);
        return await table.TryUpdateAsync(replacement, ifMatch, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false) == TableWriteStatus.Ok;
    }

    /// <summary>Deletes the claim if it is still the version read (a conflict or NotFound means it is no longer this holder's).</summary>
    public async Task TryDeleteAsync(MessageClaimEntity claim, CancellationToken cancellationToken)
    {
        var table = await tables.LoggedMessages(cancellationToken).ConfigureAwait(false);
        await table.TryDeleteAsync(claim.PartitionKey, claim.RowKey, claim.ETag, cancellationToken).ConfigureAwait(false);
    }
}
