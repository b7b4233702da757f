using OfficeFlow.Functions.Contacts.Extraction;
using OfficeFlow.Functions.Contacts.Matching;
using OfficeFlow.Functions.Contacts.Records;

namespace OfficeFlow.Functions.Contacts.Logging;

/// <summary>
/// The sender as a contact after this message: planned before anything is written (so the card head can list
/// it in the same transaction as the interaction); its row is stored just before the interaction, its index after. <see cref="Changed"/> is false when the
/// message told nothing new, and then nothing is written.
/// </summary>
/// <param name="SearchChanged">The contact is new or moved, or its addresses, name or phones changed: the client's search rows must follow.</param>
public sealed record ContactUpdate(ContactEntity Contact, bool Changed, string? OldPartition, bool SearchChanged = false)
{
    public static ContactUpdate Plan(LoggingDecision decision, ExtractedSignature signature, SenderResolution sender, string? clientId, DateTimeOffset now)
    {
        var address = decision.Counterparty!;
        var entry = sender.EmailEntry;
        var contactId = SenderResolver.ContactIdOf(entry, MailAddress.Normalise(address));
        var oldPartition = entry is null ? null : SenderResolver.ContactPartitionOf(entry);
        // A contact stays with the client it has; one without a company joins the client found now.
        var partition = oldPartition is not null && oldPartition != ContactEntity.NoClient ? oldPartition : clientId ?? ContactEntity.NoClient;
        var existing = sender.ExistingContact;
        var contact = new ContactEntity
        {
            PartitionKey = partition,
            RowKey = contactId,
            Name = signature.PersonName ?? existing?.Name ?? decision.CounterpartyName ?? address,
            Position = signature.Position ?? existing?.Position,
            Emails = string.Join(',', SearchTokens.SplitList(existing?.Emails).Append(address).Distinct(StringComparer.Ordinal)),
            Phones = string.Join(',', SearchTokens.SplitList(existing?.Phones).Concat(signature.Phones.Select(p => p.ToString())).Distinct(StringComparer.Ordinal)),
            CreatedAt = existing?.CreatedAt ?? now,
            UpdatedAt = now,
        };
        if (existing is not null && oldPartition == partition && SameDetails(existing, contact))
        {
            return new ContactUpdate(existing, false, oldPartition);
        }

        return new ContactUpdate(contact, true, oldPartition,
            existing is null || oldPartition != partition || existing.Emails != contact.Emails || existing.Name != contact.Name || existing.Phones != contact.Phones);
    }

    /// <summary>
    /// Stores the contact's own row, before the interaction is written: a failure between the two (storage gone) then
    /// leaves a contact without the interaction, which a retry completes, and never an interaction whose contact is missing.
    /// </summary>
    public async Task SaveRowAsync(ClientDirectory directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (Changed)
        {
            await directory.SaveContactAsync(Contact, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>After the interaction: points the address's index row at the contact and removes the row it moved from.</summary>
    public async Task ApplyAsync(ClientDirectory directory, string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Changed)
        {
            return;
        }

        var partition = Contact.PartitionKey;
        // The address's index row names the contact's partition: it changes only for a new contact or one that moved (a new phone leaves it as it is).
        if (OldPartition != partition)
        {
            await directory.PointIndexAsync(IndexEntity.EmailPartition, address, partition == ContactEntity.NoClient ? "" : partition, Contact.RowKey, cancellationToken).ConfigureAwait(false);
        }

        if (OldPartition is not null && OldPartition != partition)
        {
            await directory.RemoveMovedContactRowAsync(OldPartition, Contact.RowKey, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool SameDetails(ContactEntity a, ContactEntity b) =>
        a.Name == b.Name && a.Position == b.Position && a.Emails == b.Emails && a.Phones == b.Phones;
}
