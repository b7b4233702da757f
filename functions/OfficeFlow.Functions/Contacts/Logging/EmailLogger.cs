using Microsoft.Extensions.Options;
using OfficeFlow.Functions.Contacts.Cards;
using OfficeFlow.Functions.Contacts.Extraction;
using OfficeFlow.Functions.Contacts.Matching;
using OfficeFlow.Functions.Contacts.Records;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Contacts.Logging;

/// <summary>
/// Logs one e-mail as an interaction: decides whether it may be logged, finds or creates the client and
/// contact (task 5.4 for a client created now), claims the message (once only, however many identical requests
/// arrive), writes the interaction with the client's card head, then the contact and task 5.5, and returns the card.
/// A known client's message costs three storage calls: the claim, the interaction with the head, and the ledger's
/// one conditional add keyed by the message (see docs/contacts.md, "Cost of a logged message").
/// </summary>
public sealed class EmailLogger(
    ClientDirectory directory,
    ClientCreator creator,
    ClientCardReader cards,
    SenderResolver resolver,
    SameCompanyFinder sameCompany,
    MessageClaims claims,
    TimelineWriter timeline,
    LoggingCompletion completion,
    LoggingRetry retry,
    LoggingPolicy policy,
    IOptions<ContactsOptions> options,
    TimeProvider time,
    ILogger<EmailLogger> log)
{
    /// <summary>Task code for "a client contact logged" in the grades catalog.</summary>
    public const string ContactTaskCode = "5.5";
    /// <summary>Task code for "a new client entered in the database".</summary>
    public const string NewClientTaskCode = "5.4";

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
        var at = request.SentAt ?? time.GetUtcNow();

        var owner = Guid.NewGuid().ToString("N");
        MessageClaimEntity? claim = null;
        // From the moment the head transaction is sent until it is known to have been refused, the interaction may exist:
        // the claim is then kept (a retry takes it over and writes the same row) rather than released.
        var mayHaveWritten = false;
        var attempt = 0;
        try
        {
            // Each attempt resolves the sender and writes; a head changed by another instance throws CardHeadChangedException, and
            // LoggingRetry.CardHead tries again after a short jittered pause, at most HeadAttempts times (then 409 «Карточка клиента занята»).
            return await retry.OnCardHeadAsync(async () =>
            {
                attempt++;
                // The first attempt may use this process's snapshots; a failed head guard means they were stale.
                var sender = await resolver.ResolveAsync(decision, signature.Inn, cancellationToken, useCache: attempt == 1).ConfigureAwait(false);
                var target = await TargetAsync(sender, signature, decision, actor, messageHash, cancellationToken).ConfigureAwait(false);
                if (target.Created)
                {
                    // Task 5.4 belongs to the request that created the client, which is not always the one that wins the message's claim.
                    // Should it fail, the message's retry records it (LoggingCompletion: the client says which message created it).
                    await completion.RecordAsync(actor, LoggingCompletion.NewClientTask(target.Client!, actor.Id), cancellationToken).ConfigureAwait(false);
                }

                var contactId = SenderResolver.ContactIdOf(sender.EmailEntry, MailAddress.Normalise(decision.Counterparty!));
                var interaction = NewInteraction(request, decision, text, messageHash, target.Client?.Id, contactId, actor, at);
                if (claim is null)
                {
                    var claimed = await claims.ClaimAsync(messageHash, interaction, owner, cancellationToken).ConfigureAwait(false);
                    if (claimed.AlreadyLogged is { } logged)
                    {
                        return await AlreadyLoggedAsync(claimed.ExistingClaim!, logged, target.Created, decision.Counterparty!, messageHash, actor, cancellationToken).ConfigureAwait(false);
                    }

                    claim = claimed.Owned!;
                    if (claim.At is { } claimedAt && claimedAt != at)
                    {
                        // A claim taken over keeps its time, so its row key is the one a crashed owner may have written.
                        at = claimedAt;
                        interaction = NewInteraction(request, decision, text, messageHash, target.Client?.Id, contactId, actor, at);
                    }
                }

                claim = await claims.MoveAsync(claim, interaction, cancellationToken).ConfigureAwait(false) ?? throw new MessageBusyException();
                var contact = ContactUpdate.Plan(decision, signature, sender, target.Client?.Id, time.GetUtcNow());
                await contact.SaveRowAsync(directory, cancellationToken).ConfigureAwait(false);
                mayHaveWritten = true;
                var head = await timeline.WriteAsync(target.Client, sender.Snapshot, contact, interaction, cancellationToken).ConfigureAwait(false);
                if (head is null)
                {
                    mayHaveWritten = false; // the guard refused the transaction: nothing of it was written
                    log.LogInformation("The card of client {ClientId} changed while logging a message (attempt {Attempt})", target.Client?.Id, attempt);
                    throw new CardHeadChangedException();
                }

                // The interaction is stored: the contact, the search rows and the ledger follow it (each idempotent; a retry finishes them).
                await completion.CompleteAsync(target.Client, target.Created, contact, decision.Counterparty!, interaction, messageHash, actor, cancellationToken).ConfigureAwait(false);
                log.LogInformation("Message logged as interaction {Interaction} (client {ClientId}, matched by {MatchedBy})", interaction.RowKey, target.Client?.Id, target.MatchedBy);
                var card = target.Client is null ? null : ClientCardReader.ToCard(target.Client, head.ContactViews(target.Client.Id), head.Interactions);
                return new LogEmailOutcome(LogEmailStatus.Logged, null, target.MatchedBy, target.Created, card, ContactView.From(contact.Contact),
                    InteractionView.From(interaction), SignatureView.From(signature), card?.PossibleDuplicateOf);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch when (claim is not null && !mayHaveWritten)
        {
            // Nothing was written under the claim: give it up so that a retry need not wait for it to go stale.
            await ReleaseQuietlyAsync(claim).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The client the message goes to (created from the signature when none matched and it names a company).</summary>
    private sealed record Target(ClientEntity? Client, bool Created, string MatchedBy);

    private async Task<Target> TargetAsync(SenderResolution sender, ExtractedSignature signature, LoggingDecision decision, LoggingActor actor, string messageHash,
        CancellationToken cancellationToken)
    {
        if (sender.Client is { } client)
        {
            return new Target(client, false, sender.By switch
            {
                MatchedBy.Domain => "domain",
                MatchedBy.Inn => "inn",
                _ => "contactEmail",
            });
        }

        if (signature.Company is null)
        {
            return new Target(null, false, "none");
        }

        var same = SameCompanyResult.None;
        if (decision.CompanyDomain is null)
        {
            // A free-mail sender has no domain to match on: a second address of a known company would otherwise become a second client.
            same = await sameCompany.FindAsync(signature.Company, signature.Inn, cancellationToken).ConfigureAwait(false);
            if (same.Same is { } existing)
            {
                return new Target(existing, false, "companyName");
            }
        }

        var (created, isNew) = await creator.CreateAsync(signature, decision, actor, messageHash, same.Possible, cancellationToken).ConfigureAwait(false);
        return new Target(created, isNew, isNew ? "created" : "signatureCompany");
    }

    private InteractionEntity NewInteraction(LogEmailRequest request, LoggingDecision decision, string text, string messageHash,
        string? clientId, string contactId, LoggingActor actor, DateTimeOffset at) => new()
        {
            PartitionKey = clientId ?? "contact-" + contactId,
            // Fixed by the message: a retry rewrites the same row rather than adding one.
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

    private async Task<LogEmailOutcome> AlreadyLoggedAsync(MessageClaimEntity claim, InteractionEntity interaction, bool clientCreated, string address, string messageHash,
        LoggingActor actor, CancellationToken cancellationToken)
    {
        var client = interaction.ClientId is { } id ? await directory.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        // Before the card is read, so that it shows what the retry completed.
        if (await completion.FinishLoggedAsync(client, clientCreated, claim, interaction, address, messageHash, actor, cancellationToken).ConfigureAwait(false))
        {
            await MarkCompletedQuietlyAsync(claim).ConfigureAwait(false);
        }

        var card = client is null ? null : await cards.ReadAsync(client, cancellationToken).ConfigureAwait(false);
        var contact = card?.Contacts.FirstOrDefault(c => c.Id == claim.ContactId);
        if (contact is null && claim.ContactId is not null)
        {
            var stored = await directory.FindContactAsync(client?.Id ?? ContactEntity.NoClient, claim.ContactId, cancellationToken).ConfigureAwait(false);
            contact = stored is null ? null : ContactView.From(stored);
        }

        // The request that created the client says so even when an identical request won the message: it is the one that made it.
        return new LogEmailOutcome(LogEmailStatus.AlreadyLogged, "Это письмо уже записано: показано существующее событие.", null, clientCreated, card, contact,
            InteractionView.From(interaction), null, card?.PossibleDuplicateOf);
    }

    private async Task MarkCompletedQuietlyAsync(MessageClaimEntity claim)
    {
        try
        {
            await claims.MarkCompletedAsync(claim, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only a saving for later repeats: the work is done, so this request's answer must not fail because the note was not kept.
            log.LogWarning(e, "Could not note on the claim that a logged message is complete");
        }
    }

    private async Task ReleaseQuietlyAsync(MessageClaimEntity claim)
    {
        try
        {
            await claims.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The claim then goes stale and is taken over by the next attempt; the original failure is what the caller must see.
            log.LogWarning(e, "Could not release the claim of a message that was not logged");
        }
    }

    private string? Snippet(string text)
    {
        var authored = string.Join(' ', AuthoredText.Lines(text).Select(l => l.Trim()).Where(l => l.Length > 0));
        return Truncate(authored, options.Value.SnippetLength);
    }

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}

/// <summary>The client's card kept changing under this request (other instances logging mail for the same client): nothing was written.</summary>
public sealed class ClientCardBusyException() : Exception("The client's card kept changing while the message was being logged.");
