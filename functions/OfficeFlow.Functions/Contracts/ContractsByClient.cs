using OfficeFlow.Functions.Contracts.Storage;

namespace OfficeFlow.Functions.Contracts;

/// <summary>
/// <see cref="IClientContracts"/> over the contracts' store: a client's contracts, newest number first, with only the
/// columns the card shows. A firm writes a few thousand contracts a year, which the store's query reads in well under a
/// second; a per-client index partition is the next step if that grows.
/// </summary>
public sealed class ContractsByClient(ContractStore store) : IClientContracts
{
    public async Task<IReadOnlyList<ContractSummary>> ForClientAsync(string clientId, int limit, CancellationToken cancellationToken = default)
    {
        var rows = await store.ForClientAsync(clientId, cancellationToken).ConfigureAwait(false);
        return rows
            .Select(row => new ContractSummary(row.Number, row.Date, row.TemplateId, ContractTemplateCatalog.TitleOf(row.TemplateId), row.Amount, row.CreatedByName, ArchiveLocation.ForCaller(row.ArchiveLocation)))
            .OrderByDescending(c => c.Number, StringComparer.Ordinal).Take(limit).ToList();
    }
}
