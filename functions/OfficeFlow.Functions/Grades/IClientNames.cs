namespace OfficeFlow.Functions.Grades;

/// <summary>
/// What Grades takes from the contacts capability: the names of clients that ledger entries name only by id (an
/// invoice issued, a payment, a reminder, a task logged with a client picked from the card). The accountant reads
/// the Задачи sheet by client name, not by "cl3f…". Grades owns the interface and Contacts implements it
/// (<c>Contacts/Requisites/ContactsClientNames</c>), so Grades never reads the Clients table itself.
/// </summary>
public interface IClientNames
{
    /// <summary>The display name of each client found (merged clients resolve to the surviving card); unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken = default);
}

/// <summary>Used when the contacts capability is not in the host (the CLI over a ledger file): ids stay ids.</summary>
public sealed class NoClientNames : IClientNames
{
    public Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(StringComparer.Ordinal));
}
