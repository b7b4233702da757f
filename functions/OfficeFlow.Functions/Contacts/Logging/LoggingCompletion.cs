using OfficeFlow.Functions.Contacts.Matching;
using OfficeFlow.Functions.Contacts.Records;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Contacts.Logging;

/// <summary>
/// What follows a stored interaction — the sender's address index row, the client's search rows, tasks 5.5 and 5.4 —
/// each idempotent, so a retry of the same message can finish what a failed request left undone instead of answering
/// AlreadyLogged over a half-finished message.
/// </summary>
public sealed class LoggingCompletion(ClientDirectory directory, IServiceProvider services, ILogger<LoggingCompletion> log)
{
    /// <summary>After this request wrote the interaction: the contact's index and search rows, then the tasks.</summary>
    public async Task CompleteAsync(ClientEntity? client, bool clientCreatedNow, ContactUpdate contact, string address, InteractionEntity interaction,
        string messageHash, LoggingActor actor, CancellationToken cancellationToken)
    {
        // Both awaited, so neither failure goes unobserved.
        var tasks = RecordTasksAsync(client, clientCreatedNow, interaction, messageHash, actor, cancellationToken);
        var contactWrite = WriteContactAsync(client, clientCreatedNow, contact, address, cancellationToken);
        await Task.WhenAll(tasks, contactWrite).ConfigureAwait(false);
    }

    /// <summary>
    /// For a message found logged already, by the same user who logged it (a retry after a failure, or a second click):
    /// puts the address's index row where the stored contact is, if the first request failed before, and records the tasks
    /// again (the ledger counts a source once). Another user's request only reads, and so does any request once the claim
    /// says an earlier repeat found it all done.
    /// </summary>
    /// <returns>True when this call finished the message's work (the caller then marks the claim completed).</returns>
    public async Task<bool> FinishLoggedAsync(ClientEntity? client, bool clientCreatedNow, MessageClaimEntity claim, InteractionEntity interaction, string address,
        string messageHash, LoggingActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.LoggedBy != actor.Id || claim.Completed == true)
        {
            return false;
        }

        var tasks = RecordTasksAsync(client, clientCreatedNow, interaction, messageHash, actor, cancellationToken);
        var contact = claim.ContactId is { } contactId ? RepairAddressAsync(client, contactId, address, cancellationToken) : Task.CompletedTask;
        await Task.WhenAll(tasks, contact).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Points the address at the contact stored for it when its index row is missing, or still names the no-client row although
    /// the contact now lives with the client (the two writes that follow a contact's move). Any other disagreement is a later
    /// message's doing (contacts only ever move from no client to a client, or with a merge), and is left alone.
    /// </summary>
    private async Task RepairAddressAsync(ClientEntity? client, string contactId, string address, CancellationToken cancellationToken)
    {
        var normalised = MailAddress.Normalise(address);
        var entry = await directory.GetEmailEntryAsync(normalised, cancellationToken).ConfigureAwait(false);
        var partition = client?.Id ?? ContactEntity.NoClient;
        if (entry is not null && (SenderResolver.ContactPartitionOf(entry) == partition || SenderResolver.ContactPartitionOf(entry) != ContactEntity.NoClient))
        {
            return;
        }

        if (await directory.FindContactAsync(partition, contactId, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return;
        }

        log.LogInformation("Completing contact {ContactId} of a message logged before (its address index was not written)", contactId);
        var oldPartition = entry is null ? null : SenderResolver.ContactPartitionOf(entry);
        await new ContactUpdate(stored, true, oldPartition).ApplyAsync(directory, normalised, cancellationToken).ConfigureAwait(false);
        if (client is not null)
        {
            await directory.ReindexAsync(client, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WriteContactAsync(ClientEntity? client, bool clientCreatedNow, ContactUpdate contact, string address, CancellationToken cancellationToken)
    {
        await contact.ApplyAsync(directory, address, cancellationToken).ConfigureAwait(false);
        // Search rows hold the name, INN, domains and the contacts' addresses, names and phones: they change only with a new
        // client or a contact who is new or tells a new name or phone.
        if (client is not null && (clientCreatedNow || contact.SearchChanged))
        {
            await directory.ReindexAsync(client, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Task 5.5 for the message, credited to whoever logged it; and 5.4 when the message created the client but this request
    /// did not (the creator records 5.4 as soon as it has created the client; if that failed, the retry that finds the client
    /// the message created records it — <see cref="ClientEntity.CreatedForMessage"/> says so, the ledger counts "client:&lt;id&gt;" once).
    /// </summary>
    private async Task RecordTasksAsync(ClientEntity? client, bool clientCreatedNow, InteractionEntity interaction, string messageHash, LoggingActor actor,
        CancellationToken cancellationToken)
    {
        await RecordAsync(actor, new TaskEvent(interaction.LoggedBy, EmailLogger.ContactTaskCode, interaction.At, "email:" + interaction.InternetMessageId,
            client?.Id, Truncate(interaction.Subject, 200)), cancellationToken).ConfigureAwait(false);
        if (client is not null && !clientCreatedNow && client.CreatedForMessage == messageHash)
        {
            await RecordAsync(actor, NewClientTask(client, client.CreatedBy ?? actor.Id), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Task 5.4 for a client, dated when the client was created: the ledger keeps a month's entries in the month's partition,
    /// so a date taken from the request (a message without sentAt, retried after the month turned) would credit it in another month,
    /// once more or instead. The creator and every retry date it alike.</summary>
    public static TaskEvent NewClientTask(ClientEntity client, string employeeId)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new(employeeId, EmailLogger.NewClientTaskCode, client.CreatedAt, "client:" + client.Id, client.Id, client.Name);
    }

    public async Task RecordAsync(LoggingActor actor, TaskEvent taskEvent, CancellationToken cancellationToken)
    {
        if (!actor.RecordTasks)
        {
            return;
        }

        if (services.GetService<ITaskRecorder>() is not { } recorder)
        {
            log.LogWarning("No task recorder is registered: task {TaskCode} is not put into the grades ledger", taskEvent.TaskCode);
            return;
        }

        await recorder.RecordAsync(taskEvent, cancellationToken).ConfigureAwait(false);
    }

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
