using System.Text.Json.Nodes;

namespace OfficeFlow.Functions.Contracts;

/// <summary>
/// Saves the client requisites typed into a contract request (the request's <c>client</c> object) to the client card, so
/// the next contract and invoice have them. Contracts owns the interface, Contacts implements it over the card
/// (<c>Contacts/Editing/ContractRequisitesWriter.cs</c>), so Contracts never writes another capability's table.
/// </summary>
public interface IClientRequisitesWriter
{
    /// <summary>Writes the typed requisites that differ from the card, guarded by the card's ETag and retried on a concurrent change.
    /// A value the card's own checks refuse (an INN failing its check digits…) is left out: the contract was made with it, as
    /// before, but the card keeps only what a manager could have saved.</summary>
    Task SaveAsync(string clientId, JsonObject? typed, CancellationToken cancellationToken);
}
