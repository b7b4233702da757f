using Microsoft.Extensions.Options;
using OfficeFlow.Functions.Contacts.Cards;
using OfficeFlow.Functions.Contacts.Extraction;
using OfficeFlow.Functions.Contacts.Matching;
using OfficeFlow.Functions.Contacts.Records;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Storage;

namespace OfficeFlow.Functions.Contacts.Logging;

/// <summary>
/// Logs one e-mail as an interaction: decides whether it may be logged, claims the message (once only,
/// however many identical requests arrive), matches or creates the client, creates or updates the contact,
/// writes the interaction, records tasks 5.5 and 5.4 and returns the client card.
/// </summary>
public sealed class EmailLogger(
    ContactsTables tables,
    ClientDirectory directory,
    ClientCardReader cards,
    SenderResolver resolver,
    LoggingPolicy policy,
    IOptions<ContactsOptions> options,
    TimeProvider time,
    IServiceProvider services,
    ILogger<EmailLogger> log)
{
    /// <summary>Task code for "a client contact logged" in the grades catalog.</summary>
    public const string ContactTaskCode = "5.5";
    /// <summary>Task code for "a new client entered in the database".</summary>
    public const string NewClientTaskCode = "5.4";

    private static readonly TimeSpan ClaimPoll = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan ClaimWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(1);

    /// <summary>The request must have passed <see cref="LogEmailValidation"/>.</summary>
    public async Task<LogEmailOutcome> LogAsync(LogEmailRequest request, LoggingActor actor, CancellationToken cancellationToken)
    {
        var decision = policy.Decide(request.From, (request.To ?? []).Concat(request.Cc ?? []));
        if (!decision.ShouldLog)
        {
            log.LogInformation("Message not logged: {Decision}", decision.Kind);
            return LogEmailOutcome.NotLogged(decision.Reason!);
        }

        var messageHash = Keys.MessageHash(request.InternetMessageId!);
        var text = !string.IsNullOrWhiteSpace(request.BodyText) ? request.BodyText : HtmlToText.Convert(request.BodyHtml);
        // An outgoing message carries our own signature: nothing in it describes the client.
        var signature = decision.Outgoing ? ExtractedSignature.Empty : SignatureExtractor.Extract(text, null, decision.CounterpartyName);

        // Finding the sender only reads, so it runs while the claim is written; a lost claim just discards it.
        var resolving = resolver.ResolveAsync(decision, signature.Inn, cancellationToken);
        var claims = await tables.LoggedMessages(cancellationToken).ConfigureAwait(false);
        var claim = new MessageClaimEntity { PartitionKey = messageHash, ClaimedAt = time.GetUtcNow() };
        TableWriteResult added;
        try
        {
            added = await claims.AddEntityAsync(claim, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await Observe(resolving).ConfigureAwait(false);
            throw;
        }

        if (added.Status == TableWriteStatus.AlreadyExists)
        {
            var existing = await WaitForClaimAsync(claims, messageHash, cancellationToken).ConfigureAwait(false);
            if (existing.Done)
            {
                await Observe(resolving).ConfigureAwait(false);
                return await AlreadyLoggedAsync(existing, cancellationToken).ConfigureAwait(false);
            }

            // A crashed request's claim taken over: what was read before may predate its partial writes, so read again.
            await Observe(resolving).ConfigureAwait(false);
            resolving = resolver.ResolveAsync(decision, signature.Inn, cancellationToken);
            claim = existing;
        }

        var sender = await resolving.ConfigureAwait(false);
        var written = await WriteAsync(request, decision, text, signature, sender, messageHash, actor, cancellationToken).ConfigureAwait(false);
        claim.Done = true;
        claim.ClientId = written.Client?.Id;
        claim.ContactId = written.Contact.Id;
        claim.InteractionPartition = written.Interaction.PartitionKey;
        claim.InteractionRow = written.Interaction.RowKey;
        // The claim is marked done only once the interaction exists; the ledger and the card need not wait for it.
        var done = claims.UpsertEntityAsync(claim, TableUpdateMode.Replace, cancellationToken);
        var tasks = RecordTasksAsync(request, actor, written.Client, written.ClientCreated, cancellationToken);
        var card = written.Card is null ? null : await written.Card.ConfigureAwait(false);
        await done.ConfigureAwait(false);
        await tasks.ConfigureAwait(false);
        log.LogInformation("Message logged as interaction {Interaction} (client {ClientId}, matched by {MatchedBy})", written.Interaction.RowKey, written.Client?.Id, written.MatchedBy);
        return new LogEmailOutcome(LogEmailStatus.Logged, null, written.MatchedBy, written.ClientCreated, card, ContactView.From(written.Contact),
            InteractionView.From(written.Interaction), SignatureView.From(signature));
    }

    /// <summary>What <see cref="WriteAsync"/> stored; the card is still being read (in parallel with the writes).</summary>
    private sealed record Written(ClientEntity? Client, bool ClientCreated, string MatchedBy, ContactEntity Contact, InteractionEntity Interaction, Task<ClientCard>? Card);

    private async Task<Written> WriteAsync(LogEmailRequest request, LoggingDecision decision, string text, ExtractedSignature signature, SenderResolution sender,
        string messageHash, LoggingActor actor, CancellationToken cancellationToken)
    {
        var client = sender.Client;
        var matchedBy = client is null ? "none" : sender.By switch
        {
            MatchedBy.Domain => "domain",
            MatchedBy.Inn => "inn",
            _ => "contactEmail",
        };
        var clientCreated = false;
        if (client is null && signature.Company is not null)
        {
            (client, clientCreated) = await CreateClientAsync(signature, decision, actor, cancellationToken).ConfigureAwait(false);
            matchedBy = clientCreated ? "created" : "signatureCompany";
        }

        // The card's two partition queries do not depend on this message's writes: they run alongside them,
        // and the contact and interaction written here are put into what they return.
        var contactsRead = client is null ? null : cards.ContactsAsync(client.Id, cancellationToken);
        var interactionsRead = client is null ? null : cards.LatestInteractionsAsync(client.Id, cancellationToken);
        try
        {
            var contactId = SenderResolver.ContactIdOf(sender.EmailEntry, MailAddress.Normalise(decision.Counterparty!));
            var interactionWrite = WriteInteractionAsync(request, decision, text, messageHash, client?.Id, contactId, actor, cancellationToken);
            var (contact, contactChanged) = await UpsertContactAsync(decision, signature, sender, client?.Id, cancellationToken).ConfigureAwait(false);
            var interaction = await interactionWrite.ConfigureAwait(false);
            // Search rows change only with a new client or a contact's addresses; most mail comes from people already known.
            if (client is not null && (clientCreated || contactChanged))
            {
                await directory.ReindexAsync(client, cancellationToken).ConfigureAwait(false);
            }

            var card = client is null ? null : CardAsync(client, contactsRead!, interactionsRead!, contact, interaction);
            return new Written(client, clientCreated, matchedBy, contact, interaction, card);
        }
        catch
        {
            await Observe(contactsRead).ConfigureAwait(false);
            await Observe(interactionsRead).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<ClientCard> CardAsync(ClientEntity client, Task<IReadOnlyList<ContactView>> contactsRead, Task<IReadOnlyList<InteractionView>> interactionsRead,
        ContactEntity contact, InteractionEntity interaction)
    {
        var contactView = ContactView.From(contact);
        var contacts = (await contactsRead.ConfigureAwait(false)).Where(c => c.Id != contactView.Id);
        if (contact.PartitionKey == client.Id)
        {
            contacts = contacts.Append(contactView);
        }

        var interactionView = InteractionView.From(interaction);
        var interactions = (await interactionsRead.ConfigureAwait(false)).Where(i => i.Id != interactionView.Id).Append(interactionView)
            .OrderBy(RowKeyOf, StringComparer.Ordinal) // row keys start with inverted ticks: ascending is newest first, as the partition query returns them
            .Take(ClientCardReader.InteractionsShown);
        return ClientCardReader.ToCard(client, contacts.OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList(), interactions.ToList());
    }

    private static string RowKeyOf(InteractionView interaction) => interaction.Id[(interaction.Id.IndexOf('|', StringComparison.Ordinal) + 1)..];

    /// <summary>Waits for a task whose result is no longer wanted, so its failure is neither lost nor unobserved.</summary>
    private static async Task Observe(Task? task)
    {
        if (task is null)
        {
            return;
        }

        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception) when (task.IsFaulted || task.IsCanceled)
        {
            // The caller is already failing or has its answer; this read's own failure changes nothing.
        }
    }

    private async Task<(ClientEntity Client, bool Created)> CreateClientAsync(ExtractedSignature signature, LoggingDecision decision, LoggingActor actor, CancellationToken cancellationToken)
    {
        var company = signature.Company!;
        // The id comes from what identifies the company, so two concurrent first messages create one client.
        var identity = signature.Inn is not null ? "inn:" + signature.Inn
            : decision.CompanyDomain is not null ? "domain:" + decision.CompanyDomain
            : "name:" + SearchTokens.Normalise(company.Display);
        var now = time.GetUtcNow();
        var client = new ClientEntity
        {
            PartitionKey = Keys.ClientId(identity),
            Name = company.Name,
            LegalForm = company.LegalForm,
            Inn = signature.Inn,
            Kpp = signature.Kpp,
            Ogrn = signature.Ogrn,
            Domains = decision.CompanyDomain,
            Website = signature.Website,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = actor.Id,
        };
        return await directory.AddAsync(client, cancellationToken).ConfigureAwait(false);
    }

    /// <returns>The contact as stored, and whether this call wrote it (false when the message told nothing new).</returns>
    private async Task<(ContactEntity Contact, bool Changed)> UpsertContactAsync(LoggingDecision decision, ExtractedSignature signature, SenderResolution sender,
        string? clientId, CancellationToken cancellationToken)
    {
        var address = decision.Counterparty!;
        var contacts = await tables.Contacts(cancellationToken).ConfigureAwait(false);
        var entry = sender.EmailEntry;
        var contactId = SenderResolver.ContactIdOf(entry, MailAddress.Normalise(address));
        var oldPartition = entry is null ? null : SenderResolver.ContactPartitionOf(entry);
        // A contact stays with the client it has; one without a company joins the client found now.
        var partition = oldPartition is not null && oldPartition != ContactEntity.NoClient ? oldPartition : clientId ?? ContactEntity.NoClient;
        var existing = sender.ExistingContact;

        var now = time.GetUtcNow();
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
            return (existing, false);
        }

        await contacts.UpsertEntityAsync(contact, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        await directory.PointIndexAsync(IndexEntity.EmailPartition, address, partition == ContactEntity.NoClient ? "" : partition, contactId, cancellationToken).ConfigureAwait(false);
        if (oldPartition is not null && oldPartition != partition)
        {
            await contacts.DeleteEntityAsync(oldPartition, contactId, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return (contact, true);
    }

    private static bool SameDetails(ContactEntity a, ContactEntity b) =>
        a.Name == b.Name && a.Position == b.Position && a.Emails == b.Emails && a.Phones == b.Phones;

    private async Task<InteractionEntity> WriteInteractionAsync(LogEmailRequest request, LoggingDecision decision, string text, string messageHash,
        string? clientId, string contactId, LoggingActor actor, CancellationToken cancellationToken)
    {
        var at = request.SentAt ?? time.GetUtcNow();
        var interaction = new InteractionEntity
        {
            PartitionKey = clientId ?? "contact-" + contactId,
            RowKey = TableKeys.InvertedTicks(at) + "-" + messageHash[..16],
            ClientId = clientId,
            ContactId = contactId,
            Direction = decision.Outgoing ? InteractionDirection.Out : InteractionDirection.In,
            Channel = InteractionChannel.Email,
            Subject = Truncate(request.Subject, 500),
            Snippet = Snippet(text),
            At = at,
            InternetMessageId = request.InternetMessageId,
            ItemId = Truncate(request.ItemId, 1000),
            LoggedBy = actor.Id,
            LoggedByName = actor.Name,
            LoggedAt = time.GetUtcNow(),
            Source = actor.Source,
        };
        var table = await tables.Interactions(cancellationToken).ConfigureAwait(false);
        // The key is fixed by the message, so a retry after a crash rewrites the same row rather than adding one.
        await table.UpsertEntityAsync(interaction, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return interaction;
    }

    private async Task RecordTasksAsync(LogEmailRequest request, LoggingActor actor, ClientEntity? client, bool clientCreated, CancellationToken cancellationToken)
    {
        if (!actor.RecordTasks)
        {
            return;
        }

        if (services.GetService<ITaskRecorder>() is not { } recorder)
        {
            log.LogWarning("No task recorder is registered: task {TaskCode} is not put into the grades ledger", ContactTaskCode);
            return;
        }

        var at = request.SentAt ?? time.GetUtcNow();
        await recorder.RecordAsync(new TaskEvent(actor.Id, ContactTaskCode, at, "email:" + request.InternetMessageId, client?.Id, Truncate(request.Subject, 200)), cancellationToken).ConfigureAwait(false);
        if (clientCreated)
        {
            await recorder.RecordAsync(new TaskEvent(actor.Id, NewClientTaskCode, at, "client:" + client!.Id, client.Id, client.Name), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<MessageClaimEntity> WaitForClaimAsync(TableClient claims, string messageHash, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            var claim = await claims.GetEntityIfExistsAsync<MessageClaimEntity>(messageHash, MessageClaimEntity.Row, cancellationToken: cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("A message claim disappeared while waiting for it.");
            if (claim.Done)
            {
                return claim;
            }

            // A claim left behind by a crashed request is taken over (ETag-guarded, so only one taker wins).
            if (time.GetUtcNow() - claim.ClaimedAt > StaleClaim)
            {
                claim.ClaimedAt = time.GetUtcNow();
                var taken = await claims.UpdateEntityAsync(claim, claim.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                if (taken.Succeeded)
                {
                    claim.ETag = taken.ETag;
                    return claim;
                }
            }

            if (time.GetElapsedTime(started) > ClaimWait)
            {
                throw new MessageBusyException();
            }

            await Task.Delay(ClaimPoll, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<LogEmailOutcome> AlreadyLoggedAsync(MessageClaimEntity claim, CancellationToken cancellationToken)
    {
        var interactions = await tables.Interactions(cancellationToken).ConfigureAwait(false);
        var interaction = await interactions.GetEntityIfExistsAsync<InteractionEntity>(claim.InteractionPartition!, claim.InteractionRow!, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (interaction is null && claim.ClientId is not null)
        {
            // The client was merged since: its interactions moved to the surviving client, same row key.
            var current = await directory.GetAsync(claim.ClientId, cancellationToken).ConfigureAwait(false);
            interaction = current is null ? null
                : await interactions.GetEntityIfExistsAsync<InteractionEntity>(current.Id, claim.InteractionRow!, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var client = interaction?.ClientId is { } id ? await directory.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        var card = client is null ? null : await cards.ReadAsync(client, cancellationToken).ConfigureAwait(false);
        var contact = card?.Contacts.FirstOrDefault(c => c.Id == claim.ContactId);
        if (contact is null && claim.ContactId is not null)
        {
            var contacts = await tables.Contacts(cancellationToken).ConfigureAwait(false);
            var stored = await contacts.GetEntityIfExistsAsync<ContactEntity>(client?.Id ?? ContactEntity.NoClient, claim.ContactId, cancellationToken: cancellationToken).ConfigureAwait(false);
            contact = stored is null ? null : ContactView.From(stored);
        }

        return new LogEmailOutcome(LogEmailStatus.AlreadyLogged, "Это письмо уже записано: показано существующее событие.", null, false, card, contact,
            interaction is null ? null : InteractionView.From(interaction), null);
    }

    private string? Snippet(string text)
    {
        var authored = string.Join(' ', AuthoredText.Lines(text).Select(l => l.Trim()).Where(l => l.Length > 0));
        return Truncate(authored, options.Value.SnippetLength);
    }

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}

/// <summary>The same message is being logged by another request right now and did not finish in time.</summary>
public sealed class MessageBusyException() : Exception("The message is being logged by another request.");
