using Azure;

namespace OfficeFlow.Functions.Firm;

/// <summary>The firm as documents see it: the saved record, else the <c>Firm:*</c> settings; <see cref="Demo"/> when those
/// settings are the demonstration firm's (Development only).</summary>
public sealed record FirmSnapshot(FirmRequisites Requisites, ETag? ETag, bool Demo)
{
    public bool Saved => ETag is not null;
}

/// <summary>
/// Where every document reads the firm from, so contracts, invoices, the акт сверки and the reminders all print the same
/// record. A read is cached for a short while (the firm changes a few times a year; a contract should not cost a storage
/// call more); a save here replaces the cache at once, another instance sees it within <see cref="CacheFor"/>.
/// </summary>
public class FirmDirectory(FirmStore store, IConfiguration configuration, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly FirmRequisites _defaults = FirmRequisites.FromSettings(configuration);
    private readonly bool _demo = FirmRequisites.IsDemoInSettings(configuration);
    // A reference, so concurrent requests swap it whole (a nullable tuple could be read half-written).
    private Cached? _cached;

    private sealed record Cached(FirmSnapshot Snapshot, DateTimeOffset ReadAt);

    public virtual async Task<FirmSnapshot> CurrentAsync(CancellationToken ct)
    {
        if (_cached is { } cached && time.GetUtcNow() - cached.ReadAt < CacheFor)
        {
            return cached.Snapshot;
        }

        var stored = await store.ReadAsync(ct).ConfigureAwait(false);
        var snapshot = stored is null ? new FirmSnapshot(_defaults, null, _demo) : new FirmSnapshot(stored.Requisites, stored.ETag, Demo: false);
        _cached = new Cached(snapshot, time.GetUtcNow());
        return snapshot;
    }

    /// <summary>The firm for a document, or <see cref="FirmIncompleteException"/> naming what an admin has to fill in.</summary>
    public async Task<FirmRequisites> RequireCompleteAsync(FirmUse use, CancellationToken ct)
    {
        var firm = (await CurrentAsync(ct).ConfigureAwait(false)).Requisites;
        return firm.Missing(use) is { Count: > 0 } missing ? throw new FirmIncompleteException(missing) : firm;
    }

    public async Task<(FirmSaveStatus Status, FirmSnapshot? Snapshot)> SaveAsync(FirmRequisites firm, ETag? ifMatch, CancellationToken ct)
    {
        var (status, etag) = await store.SaveAsync(firm, ifMatch, ct).ConfigureAwait(false);
        if (status != FirmSaveStatus.Saved)
        {
            return (status, null);
        }

        // The saved record itself becomes the cache (clearing it instead would let a read racing the save put the old one back).
        var snapshot = new FirmSnapshot(firm, etag, Demo: false);
        _cached = new Cached(snapshot, time.GetUtcNow());
        return (status, snapshot);
    }
}

/// <summary>A document was asked for before the firm's requisites are complete. The message is the one a manager sees:
/// the missing fields by their Russian names, and who fills them in where.</summary>
public sealed class FirmIncompleteException(IReadOnlyList<string> missing) : Exception(Describe(missing))
{
    public const string Title = "Реквизиты фирмы не заполнены";

    public IReadOnlyList<string> MissingFields { get; } = missing;

    public static string Describe(IReadOnlyList<string> missing) =>
        $"Документ нельзя сформировать: в реквизитах фирмы не заполнено — {string.Join(", ", missing.Select(f => FirmRequisites.Labels[f]))}. " +
        "Их один раз заполняет администратор OfficeFlow: «Реквизиты фирмы» в надстройке или PUT /api/firm.";
}
