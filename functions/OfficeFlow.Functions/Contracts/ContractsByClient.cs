using OfficeFlow.Functions.Storage;
using Azure.Data.Tables;

namespace OfficeFlow.Functions.Contracts;

/// <summary>
/// <see cref="IClientContracts"/> over the <c>Contracts</c> table. Contracts are keyed by year and number, so a
/// client's contracts are a filtered query over the year partitions (the <c>request</c> claim partition sorts after
/// the years and is excluded by the key range); only the columns the card shows are read. A firm writes a few
/// thousand contracts a year, which such a query reads in well under a second; a per-client index partition is the
/// next step if that grows.
/// </summary>
public sealed class ContractsByClient(TableStore tables) : IClientContracts
{
    private static readonly string[] Columns =
        [nameof(ContractEntity.Number), nameof(ContractEntity.Date), nameof(ContractEntity.ClientId), nameof(ContractEntity.TemplateId),
         nameof(ContractEntity.Amount), nameof(ContractEntity.CreatedByName), nameof(ContractEntity.ArchiveLocation)];

    public async Task<IReadOnlyList<ContractSummary>> ForClientAsync(string clientId, int limit, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetTableAsync(ContractService.TableName, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {"0000"} and PartitionKey le {"9999"} and ClientId eq {clientId}");
        var found = new List<ContractSummary>();
        await foreach (var row in table.QueryAsync<ContractEntity>(filter, select: Columns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            found.Add(new ContractSummary(row.Number, row.Date, row.TemplateId, ContractTemplateCatalog.TitleOf(row.TemplateId), row.Amount, row.CreatedByName, ArchiveLocation.ForCaller(row.ArchiveLocation)));
        }

        return found.OrderByDescending(c => c.Number, StringComparer.Ordinal).Take(limit).ToList();
    }
}
