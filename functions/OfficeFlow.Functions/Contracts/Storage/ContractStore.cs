using Azure;
using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Contracts.Storage;

/// <summary>How claiming a request id ended: this request owns the claim now, the id made contract <see cref="Number"/>
/// already, or another request holds a fresh claim on it.</summary>
public sealed record ContractClaimOutcome(ContractClaim? Owned, string? Number)
{
    public bool InProgress => Owned is null && Number is null;
}

/// <summary>A request id this request holds; the ETag it was written with stays here, so that releasing it never
/// deletes a claim another request took over meanwhile.</summary>
public sealed class ContractClaim
{
    internal ContractClaim(string requestId, ETag etag) => (RequestId, ETag) = (requestId, etag);

    public string RequestId { get; }

    internal ETag ETag { get; }
}

/// <summary>
/// The contract aggregate's storage boundary: the <c>Contracts</c> table (PK the year, RK the number; the request-id
/// claims in PK "request"). Capability code (ContractService, ContractsByClient) asks it questions and never sees a table.
/// A claim whose request crashed before recording its number is taken over after <see cref="StaleClaim"/>,
/// ETag-guarded so that only one retry takes it (as log-email's message claims are).
/// </summary>
public class ContractStore(TableStore tables, TimeProvider time)
{
    public const string TableName = "Contracts";
    public const string RequestPartition = "request";

    /// <summary>Longer than any healthy contract request (render, number, record, archive upload), so only a dead one is taken over.</summary>
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(2);

    private static readonly string[] SummaryColumns =
        [nameof(ContractEntity.Number), nameof(ContractEntity.Date), nameof(ContractEntity.ClientId), nameof(ContractEntity.TemplateId),
         nameof(ContractEntity.Amount), nameof(ContractEntity.CreatedByName), nameof(ContractEntity.ArchiveLocation)];

    /// <summary>On the system clock, for code built without dependency injection.</summary>
    public ContractStore(TableStore tables) : this(tables, TimeProvider.System) { }

    private Task<TableClient> TableAsync(CancellationToken ct) => tables.GetTableAsync(TableName, ct);

    /// <summary>Claims a request id before a number is taken, so a repeated POST never takes a second number.</summary>
    public async Task<ContractClaimOutcome> ClaimAsync(string requestId, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var fresh = NewClaim(requestId);
        if (await table.TryAddAsync(fresh, ct).ConfigureAwait(false) == TableWriteStatus.Ok)
        {
            return new(new ContractClaim(requestId, fresh.ETag), null);
        }

        var existing = await table.FindAsync<ContractRequestEntity>(RequestPartition, requestId, cancellationToken: ct).ConfigureAwait(false);
        if (existing is null)
        {
            // Released by a request that failed a moment ago: one more add; losing that race too means someone else holds it.
            fresh = NewClaim(requestId);
            return await table.TryAddAsync(fresh, ct).ConfigureAwait(false) == TableWriteStatus.Ok
                ? new(new ContractClaim(requestId, fresh.ETag), null)
                : new(null, null);
        }

        if (existing.Number is not null)
        {
            return new(null, existing.Number);
        }

        // Rows written before ClaimedAt existed carry only the service's Timestamp.
        var claimedAt = existing.ClaimedAt ?? existing.Timestamp ?? time.GetUtcNow();
        if (time.GetUtcNow() - claimedAt <= StaleClaim)
        {
            return new(null, null);
        }

        // The claimant died. If it recorded its contract before dying, the id's answer is that contract, not a second number.
        if (await NumberMadeByAsync(table, requestId, ct).ConfigureAwait(false) is { } made)
        {
            await table.UpsertAsync(new ContractRequestEntity { PartitionKey = RequestPartition, RowKey = requestId, Number = made }, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            return new(null, made);
        }

        var takeover = NewClaim(requestId);
        // Conflict: another retry took it over first; NotFound: released meanwhile. Either way this request does not own it.
        return await table.TryUpdateAsync(takeover, existing.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false) == TableWriteStatus.Ok
            ? new(new ContractClaim(requestId, takeover.ETag), null)
            : new(null, null);
    }

    /// <summary>Frees a claim this request holds, so repeating the request can succeed; a claim taken over meanwhile is left alone.</summary>
    public async Task ReleaseAsync(ContractClaim? claim, CancellationToken ct)
    {
        if (claim is null)
        {
            return;
        }

        var table = await TableAsync(ct).ConfigureAwait(false);
        // Conflict: another request took the claim over (this one was slower than StaleClaim) and it is now theirs; NotFound: gone already.
        await table.TryDeleteAsync(RequestPartition, claim.RequestId, claim.ETag, ct).ConfigureAwait(false);
    }

    /// <summary>Records a new contract; false when a row with its number exists already (the number counter is behind the table).</summary>
    public async Task<bool> TryAddAsync(ContractEntity contract, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        return await table.TryAddAsync(contract, ct).ConfigureAwait(false) == TableWriteStatus.Ok;
    }

    /// <summary>Marks the claim done with the contract's number, so a repeat replays that contract.</summary>
    public async Task CompleteAsync(ContractClaim? claim, string number, CancellationToken ct)
    {
        if (claim is null)
        {
            return;
        }

        var table = await TableAsync(ct).ConfigureAwait(false);
        // Unconditional: the number is a fact of this request's recorded contract, whoever holds the claim row now.
        await table.UpsertAsync(new ContractRequestEntity { PartitionKey = RequestPartition, RowKey = claim.RequestId, Number = number }, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    public async Task<ContractEntity?> FindAsync(string number, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        return await table.FindAsync<ContractEntity>(number[..4], number, cancellationToken: ct).ConfigureAwait(false);
    }

    /// <summary>Notes where the contract's file was archived (a merge of one column: nothing else of the row changes).</summary>
    public async Task SetArchiveLocationAsync(ContractEntity contract, string location, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        await table.UpsertAsync(new TableEntity(contract.PartitionKey, contract.RowKey) { [nameof(ContractEntity.ArchiveLocation)] = location }, TableUpdateMode.Merge, ct).ConfigureAwait(false);
        contract.ArchiveLocation = location;
    }

    /// <summary>A client's contracts with the columns the card shows. Contracts are keyed by year and number, so this is a
    /// filtered query over the year partitions (the "request" claims sort after the years and are excluded by the key range).</summary>
    public async Task<IReadOnlyList<ContractEntity>> ForClientAsync(string clientId, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {"0000"} and PartitionKey le {"9999"} and ClientId eq {clientId}");
        var found = new List<ContractEntity>();
        await foreach (var row in table.QueryAsync<ContractEntity>(filter, select: SummaryColumns, cancellationToken: ct).ConfigureAwait(false))
        {
            found.Add(row);
        }

        return found;
    }

    private ContractRequestEntity NewClaim(string requestId) =>
        new() { PartitionKey = RequestPartition, RowKey = requestId, ClaimedAt = time.GetUtcNow() };

    // Only after a crash (a stale claim): a scan of the year partitions for the contract this request id made, if any.
    private static async Task<string?> NumberMadeByAsync(TableClient table, string requestId, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {"0000"} and PartitionKey le {"9999"} and RequestId eq {requestId}");
        await foreach (var row in table.QueryAsync<ContractEntity>(filter, select: [nameof(ContractEntity.Number)], cancellationToken: ct).ConfigureAwait(false))
        {
            return row.Number;
        }

        return null;
    }
}
