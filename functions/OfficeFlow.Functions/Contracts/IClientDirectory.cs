using System.Text.Json.Nodes;

namespace OfficeFlow.Functions.Contracts;

/// <summary>
/// Where a contract's client requisites come from: the client card in the contacts capability's
/// <c>Clients</c> table. That capability is built in parallel; until it provides an implementation,
/// <see cref="RequestOnlyClientDirectory"/> finds nothing and the requisites come from the request body
/// (<c>client</c> object). Whatever the directory returns, fields in the request body take precedence.
/// </summary>
public interface IClientDirectory
{
    /// <summary>The client's requisites as template fields (name, inn, kpp, ogrn, address, bank, account,
    /// corr_account, bik, signatory_position, signatory_genitive, signatory_short, basis), or null when unknown.</summary>
    Task<JsonObject?> FindAsync(string clientId, CancellationToken cancellationToken = default);
}

/// <summary>The seam's placeholder until the contacts capability lands: knows no client, so requests carry the requisites.</summary>
public sealed class RequestOnlyClientDirectory : IClientDirectory
{
    public Task<JsonObject?> FindAsync(string clientId, CancellationToken cancellationToken = default) => Task.FromResult<JsonObject?>(null);
}
