using OfficeFlow.Functions.Contacts.Records;

namespace OfficeFlow.Functions.Contacts.Logging;

/// <summary>How claiming a message ended: this request owns it now, or it was logged already (the interaction as stored).</summary>
public sealed record ClaimOutcome(MessageClaimEntity? Owned, InteractionEntity? AlreadyLogged, MessageClaimEntity? ExistingClaim);

/// <summary>
/// Logs a message once: the first request adds the message's claim (LoggedMessages, keyed by the hash of its
/// internetMessageId), naming where its interaction will be written. A message is logged when that
/// interaction exists. Requests that find the claim wait for the interaction; a claim whose interaction
/// never appeared (its request crashed) is taken over after <see cref="StaleClaim"/>, ETag-guarded so that
/// only one request takes it; a request that fails before writing releases its claim at once.
/// </summary>
public sealed class MessageClaims(MessageClaimStore store, ClientDirectory directory, LoggingRetry retry, TimeProvider time)
{
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(1);

    /// <param name="owner">This request's own id (a fresh GUID per request).</param>
    /// <returns>The claim this request owns — after a takeover it keeps the original <see cref="MessageClaimEntity.At"/>, which the
    /// caller must then use — or the interaction already logged.</returns>
    public async Task<ClaimOutcome> ClaimAsync(string messageHash, InteractionEntity interaction, string owner, CancellationToken cancellationToken)
    {
        // Each attempt looks once; one that finds the claim still pending throws ClaimPendingException, and LoggingRetry.ClaimWait
        // looks again after a pause, for at most its budget (then 409 «Письмо уже записывается»).
        return await retry.WaitingForClaimAsync(async () =>
        {
            var claim = NewClaim(messageHash, interaction, owner, interaction.At);
            if (await store.TryAddAsync(claim, cancellationToken).ConfigureAwait(false))
            {
                return new ClaimOutcome(claim, null, null);
            }

            var existing = await store.FindAsync(messageHash, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                throw new ClaimPendingException(); // released by a request that failed: claim it again
            }

            if (existing.Owner == owner)
            {
                return new ClaimOutcome(existing, null, null); // this request's own add, retried after its answer was lost
            }

            if (await FindLoggedAsync(existing, cancellationToken).ConfigureAwait(false) is { } logged)
            {
                return new ClaimOutcome(null, logged, existing);
            }

            if (time.GetUtcNow() - existing.ClaimedAt > StaleClaim)
            {
                // Taken over as it is (same time, same row): if its first owner did write after all, the same row is written again.
                var taken = await ReplaceAsync(existing, NewClaim(messageHash, Located(existing), owner, existing.At ?? interaction.At), cancellationToken).ConfigureAwait(false);
                if (taken is not null)
                {
                    return new ClaimOutcome(taken, null, null);
                }
            }

            throw new ClaimPendingException();
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Points an owned claim at where the interaction is now going (the client changed on a retry).</summary>
    /// <returns>The updated claim, or null when another request took it over meanwhile.</returns>
    public async Task<MessageClaimEntity?> MoveAsync(MessageClaimEntity claim, InteractionEntity interaction, CancellationToken cancellationToken)
    {
        if (claim.InteractionPartition == interaction.PartitionKey && claim.InteractionRow == interaction.RowKey && claim.ContactId == interaction.ContactId)
        {
            return claim;
        }

        return await ReplaceAsync(claim, NewClaim(claim.PartitionKey, interaction, claim.Owner, claim.At ?? interaction.At), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives the claim up after a failure before the interaction was written, so a retry need not wait for it to go stale.</summary>
    public async Task ReleaseAsync(MessageClaimEntity claim, CancellationToken cancellationToken)
    {
        // A conflict may be ignored: another request took the claim over (it went stale), and it is theirs now, not ours to release.
        await store.TryDeleteAsync(claim, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Notes on the claim that what follows its interaction is done (see <see cref="MessageClaimEntity.Completed"/>). A conflict
    /// may be ignored: the claim changed since it was read (taken over or moved), and then the next repeat simply does the work again.</summary>
    public async Task MarkCompletedAsync(MessageClaimEntity claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        claim.Completed = true;
        await store.TryReplaceAsync(claim, claim.ETag, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The interaction a claim names: where it was written, or, if its client was merged since, in the surviving client (same row key).</summary>
    public async Task<InteractionEntity?> FindLoggedAsync(MessageClaimEntity claim, CancellationToken cancellationToken)
    {
        if (claim.InteractionPartition is null || claim.InteractionRow is null)
        {
            return null;
        }

        var interaction = await directory.FindInteractionAsync(claim.InteractionPartition, claim.InteractionRow, cancellationToken).ConfigureAwait(false);
        if (interaction is null && claim.ClientId is not null && await directory.GetAsync(claim.ClientId, cancellationToken).ConfigureAwait(false) is { } current && current.Id != claim.InteractionPartition)
        {
            interaction = await directory.FindInteractionAsync(current.Id, claim.InteractionRow, cancellationToken).ConfigureAwait(false);
        }

        return interaction;
    }

    private async Task<MessageClaimEntity?> ReplaceAsync(MessageClaimEntity current, MessageClaimEntity replacement, CancellationToken cancellationToken) =>
        await store.TryReplaceAsync(replacement, current.ETag, cancellationToken).ConfigureAwait(false) ? replacement : null;

    /// <summary>Where a claim says its interaction goes, as an interaction (for a takeover that keeps it).</summary>
    private static InteractionEntity Located(MessageClaimEntity claim) => new()
    {
        PartitionKey = claim.InteractionPartition ?? "",
        RowKey = claim.InteractionRow ?? "",
        ClientId = claim.ClientId,
        ContactId = claim.ContactId ?? "",
    };

    private MessageClaimEntity NewClaim(string messageHash, InteractionEntity interaction, string? owner, DateTimeOffset? at) => new()
    {
        PartitionKey = messageHash,
        ClaimedAt = time.GetUtcNow(),
        Owner = owner,
        At = at,
        ClientId = interaction.ClientId,
        ContactId = interaction.ContactId,
        InteractionPartition = interaction.PartitionKey,
        InteractionRow = interaction.RowKey,
    };
}

/// <summary>The same message is being logged by another request right now and did not finish in time.</summary>
public sealed class MessageBusyException() : Exception("The message is being logged by another request.");
