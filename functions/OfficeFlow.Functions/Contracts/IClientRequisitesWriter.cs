using System.Text.Json.Nodes;

namespace OfficeFlow.Functions.Contracts;

/// <summary>
/// Saves the client requisites typed into a contract request (the request's <c>client</c> object) to the client card, so
/// the next contract and invoice have them. Contracts owns the interface, Contacts implements it over the card
/// (<c>Contacts/Editing/ContractRequisitesWriter.cs</c>), so Contracts never writes another capability's table.
/// </summary>
public interface IClientRequisitesWriter
{
    /// <summary>Field errors (keys <c>client.inn</c>…) for typed requisites the card would refuse; empty when all may be saved.
    /// Checked before anything is written, so a refused value costs no contract number.</summary>
    IReadOnlyDictionary<string, string[]> Check(JsonObject? typed);

    /// <summary>Writes the typed requisites that differ from the card, guarded by the card's ETag and retried on a concurrent change.</summary>
    Task SaveAsync(string clientId, JsonObject? typed, CancellationToken cancellationToken);
}
