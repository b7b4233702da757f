using System.Collections.Concurrent;
using Azure;
using OfficeFlow.Functions.Contacts.Records;

namespace OfficeFlow.Functions.Contacts.Cards.Heads;

/// <summary>A client and its card head as this process last wrote them; <see cref="HeadETag"/> is the head's stored ETag.</summary>
public sealed record ClientSnapshot(ClientEntity Client, CardHead Head, ETag HeadETag);

/// <summary>
/// This process's memory of the clients it logged mail for, so the next message of a known client needs no
/// reads: the snapshot is trusted only as far as the guarded head write that follows it succeeds. Anything
/// that changes the client elsewhere (another instance's message, an edit, a merge) changes or drops the
/// head, the guard fails, the snapshot is forgotten and the message is logged again from fresh reads.
/// Entries also expire, which bounds how long a missed invalidation (a crash between an edit and its head
/// drop) can show old requisites. Each client has a lock stripe, so this process's own messages for one
/// client take turns instead of failing each other's guards.
/// </summary>
public sealed class ClientSnapshotCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private const int MaxEntries = 5_000;
    private const int Stripes = 64;
    private readonly ConcurrentDictionary<string, (ClientSnapshot Snapshot, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim[] _locks = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public ClientSnapshot? Get(string clientId)
    {
        if (!_entries.TryGetValue(clientId, out var hit))
        {
            return null;
        }

        if (hit.Until > time.GetUtcNow())
        {
            return hit.Snapshot;
        }

        _entries.TryRemove(KeyValuePair.Create(clientId, hit));
        return null;
    }

    /// <param name="keepExpiry">For a snapshot updated by this process's own write: it keeps the expiry of the reads it came from,
    /// so a client with steady mail is still read afresh every <see cref="Lifetime"/>.</param>
    public void Set(ClientSnapshot snapshot, bool keepExpiry = false)
    {
        if (_entries.Count >= MaxEntries)
        {
            // Bounded memory: a full cache starts over (a miss costs three reads).
            _entries.Clear();
        }

        var until = keepExpiry && _entries.TryGetValue(snapshot.Client.Id, out var previous) ? previous.Until : time.GetUtcNow() + Lifetime;
        _entries[snapshot.Client.Id] = (snapshot, until);
    }

    public void Forget(string clientId) => _entries.TryRemove(clientId, out _);

    /// <summary>Serialises this process's head writes for one client (and a few others sharing its stripe).</summary>
    public async Task<IDisposable> LockAsync(string clientId, CancellationToken cancellationToken)
    {
        var gate = _locks[(StringComparer.Ordinal.GetHashCode(clientId) & int.MaxValue) % Stripes];
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
