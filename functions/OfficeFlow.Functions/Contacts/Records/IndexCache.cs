using System.Collections.Concurrent;

namespace OfficeFlow.Functions.Contacts.Records;

/// <summary>
/// A few seconds' memory of exact-match index rows (domain → client, e-mail → client + contact), so mail from
/// a known sender does not re-read them on every message. The index row stays the truth: every hit is
/// re-validated by a read the caller makes anyway (the client must still list the domain; the contact must
/// still live where the entry says with that address), and a failed validation forgets the entry and reads
/// the index. Writes made by this process update or forget their entries at once.
/// </summary>
public sealed class IndexCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 20_000;
    private readonly ConcurrentDictionary<(string Partition, string Value), (IndexEntity Entry, DateTimeOffset Until)> _entries = new();

    public IndexEntity? Get(string partition, string value)
    {
        if (!_entries.TryGetValue((partition, value), out var hit))
        {
            return null;
        }

        if (hit.Until > time.GetUtcNow())
        {
            return hit.Entry;
        }

        _entries.TryRemove(KeyValuePair.Create((partition, value), hit));
        return null;
    }

    public void Set(string partition, string value, IndexEntity entry)
    {
        if (_entries.Count >= MaxEntries)
        {
            // Bounded memory: a full cache simply starts over (a miss costs one read).
            _entries.Clear();
        }

        _entries[(partition, value)] = (entry, time.GetUtcNow() + Lifetime);
    }

    public void Forget(string partition, string value) => _entries.TryRemove((partition, value), out _);
}
