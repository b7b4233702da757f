using System.Text.Json.Nodes;

namespace OfficeFlow.Functions.Contracts;

/// <summary>
/// Where a contract's client requisites come from: the client card in the contacts capability's
/// <c>Clients</c> table, implemented there (<c>Contacts/Requisites/ContactsClientDirectory</c>) and registered by
/// <c>AddContacts</c>, so Contracts never reads another capability's table. Fields in the request body's
/// <c>client</c> object take precedence over what the directory returns; an unknown client id finds nothing
/// and the request must then carry the requisites.
/// </summary>
public interface IClientDirectory
{
    /// <summary>The client's requisites as template fields (name, inn, kpp, ogrn, address, bank, account,
    /// corr_account, bik, signatory_position, signatory_genitive, signatory_short, basis), or null when unknown.</summary>
    Task<JsonObject?> FindAsync(string clientId, CancellationToken cancellationToken = default);
}
