namespace OfficeFlow.Functions.Contracts;

/// <summary>One generated contract as the client card lists it.</summary>
public sealed record ContractSummary(string Number, DateTimeOffset Date, string TemplateId, string Title, decimal Amount, string CreatedByName, string? ArchiveLocation);

/// <summary>
/// The contracts a client has, for other capabilities (the contacts capability's client card). Contracts owns
/// the <c>Contracts</c> table, so the query lives here and others depend only on this interface.
/// </summary>
public interface IClientContracts
{
    /// <summary>The client's contracts, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ContractSummary>> ForClientAsync(string clientId, int limit, CancellationToken cancellationToken = default);
}
