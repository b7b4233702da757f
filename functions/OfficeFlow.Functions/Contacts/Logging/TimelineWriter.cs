using OfficeFlow.Functions.Contacts.Cards.Heads;
using OfficeFlow.Functions.Contacts.Records;

namespace OfficeFlow.Functions.Contacts.Logging;

/// <summary>
/// Writes an interaction onto a client's timeline together with the client's card head (one transaction), from
/// this process's snapshot of the client when it has one, else from a fresh read of the head. A contact without
/// a company has no card: its interaction is written alone. Only other processes' writes can fail the guard.
/// </summary>
public sealed class TimelineWriter(ClientDirectory directory, CardHeadStore heads, ClientSnapshotCache snapshots)
{
    /// <returns>The head as written (empty for a contact without a company), or null when the guard failed and the caller must start again from fresh reads.</returns>
    public async Task<CardHead?> WriteAsync(ClientEntity? client, ClientSnapshot? snapshot, ContactUpdate contact, InteractionEntity interaction, CancellationToken cancellationToken)
    {
        if (client is null)
        {
            await directory.WriteInteractionWithoutClientAsync(interaction, cancellationToken).ConfigureAwait(false);
            return CardHead.Empty;
        }

        // This process's messages for one client take turns: they would otherwise fail each other's head guards.
        using var turn = await snapshots.LockAsync(client.Id, cancellationToken).ConfigureAwait(false);
        if (snapshot is not null)
        {
            // Another message of this client may have been written while this one waited: build on the newest snapshot.
            var current = snapshots.Get(client.Id);
            if (current is not null && current.Client.ETag == snapshot.Client.ETag)
            {
                var head = Updated(current.Head, client.Id, contact, interaction);
                var commit = await heads.CommitAsync(interaction, head, current.HeadETag, cancellationToken).ConfigureAwait(false);
                if (commit.HeadETag is { } written)
                {
                    snapshots.Set(current with { Head = head, HeadETag = written }, keepExpiry: true);
                }

                if (commit.Written)
                {
                    if (commit.HeadETag is null)
                    {
                        snapshots.Forget(client.Id);
                    }

                    return head;
                }
            }

            snapshots.Forget(client.Id);
            return null;
        }

        var stored = await heads.ReadAsync(client.Id, cancellationToken).ConfigureAwait(false);
        if (stored?.MergedInto is not null)
        {
            return null; // merged away since the client was read: resolved again, the message goes to the surviving client
        }

        var fresh = Updated(stored?.Head ?? await heads.BuildAsync(client.Id, cancellationToken).ConfigureAwait(false), client.Id, contact, interaction);
        var freshCommit = await heads.CommitAsync(interaction, fresh, stored?.ETag, cancellationToken).ConfigureAwait(false);
        if (!freshCommit.Written)
        {
            return null;
        }

        // Only a head that replaced the one read proves the client read before it was current (an edit drops the head
        // after changing the client); a head built now may follow a client read made just before an edit, so it is not kept.
        if (stored is not null && freshCommit.HeadETag is { } freshWritten)
        {
            snapshots.Set(new ClientSnapshot(client, fresh, freshWritten));
        }

        return fresh;
    }

    private static CardHead Updated(CardHead head, string clientId, ContactUpdate contact, InteractionEntity interaction)
    {
        // A sender who is a contact of another client is not listed on this card.
        var withContact = contact.Contact.PartitionKey == clientId ? head.WithContact(contact.Contact) : head;
        return withContact.WithInteraction(interaction);
    }
}
