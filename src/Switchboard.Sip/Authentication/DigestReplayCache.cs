using System.Globalization;

namespace Switchboard.Sip.Authentication;

/// <summary>
/// Refuses replayed digest credentials (RFC 7616 §3.4 and §5.5, RFC 2617 §3.2.2: the nonce-count lets the server detect
/// a replay): per nonce, the highest <c>nc</c> accepted so far; a request must carry a higher one. Entries live as long
/// as the nonce does. At most <see cref="Capacity"/> nonces are remembered; when full (after dropping expired ones) a
/// nonce not yet seen is refused, and the registrar asks for a fresh one (stale=true), so the table never grows unbounded.
/// </summary>
public sealed class DigestReplayCache
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _lifetime;

    public DigestReplayCache(TimeProvider timeProvider, TimeSpan lifetime, int capacity = 100_000)
    {
        _timeProvider = timeProvider;
        _lifetime = lifetime + TimeSpan.FromMinutes(1); // nonces are accepted up to a minute from the future
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Outcome of <see cref="TryAccept"/>.</summary>
    public enum Result
    {
        Accepted,
        Replayed,
        Full,
    }

    /// <summary>Accepts <paramref name="nc"/> (8 hex digits) for <paramref name="nonce"/> when it is higher than any accepted before.</summary>
    public Result TryAccept(string nonce, string? nc)
    {
        if (nc is not { Length: 8 } || !long.TryParse(nc, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            return Result.Replayed;
        }

        var now = _timeProvider.GetUtcNow();
        lock (_entries)
        {
            if (_entries.TryGetValue(nonce, out var entry))
            {
                if (count <= entry.Count)
                {
                    return Result.Replayed;
                }

                _entries[nonce] = entry with { Count = count };
                return Result.Accepted;
            }

            if (_entries.Count >= Capacity)
            {
                foreach (var expired in _entries.Where(e => e.Value.Expires <= now).Select(e => e.Key).ToList())
                {
                    _entries.Remove(expired);
                }

                if (_entries.Count >= Capacity)
                {
                    return Result.Full;
                }
            }

            _entries[nonce] = new Entry(count, now + _lifetime);
            return Result.Accepted;
        }
    }

    private readonly record struct Entry(long Count, DateTimeOffset Expires);
}
