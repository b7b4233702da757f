using System.Collections.Concurrent;
using OfficeFlow.Functions.Contacts.Extraction;
using OfficeFlow.Functions.Contacts.Records;
using OfficeFlow.Functions.Grades;

namespace OfficeFlow.Functions.Contacts.Requisites;

/// <summary>
/// Grades' <see cref="IClientNames"/> over the Clients table: one point read per distinct client, a few at a time
/// (a month names tens of clients, not thousands), with the legal form as the card shows it: «ООО «Ромашка»».
/// </summary>
public sealed class ContactsClientNames(ClientDirectory directory) : IClientNames
{
    /// <summary>Reads in flight at once: enough to hide Azurite's latency, few enough not to crowd out the users' requests.</summary>
    private const int MaxReadsInFlight = 8;

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clientIds);
        var names = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var ids = clientIds.Where(ClientDirectory.IsValidId).Distinct(StringComparer.Ordinal);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = MaxReadsInFlight, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            var client = await directory.GetAsync(id, ct).ConfigureAwait(false);
            if (client is not null)
            {
                names[id] = client.DisplayName;
            }
        }).ConfigureAwait(false);
        return names;
    }
}
