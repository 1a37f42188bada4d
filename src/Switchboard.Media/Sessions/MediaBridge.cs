namespace Switchboard.Media.Sessions;

/// <summary>
/// Joins two call legs: each leg's audio and telephone events are relayed to the other with the receiving leg's own
/// SSRC, sequence numbers and a timestamp continuing its timeline (RFC 3550 §7: we act as a translator that keeps one
/// source per leg), so the phone hears prompt then conversation as one stream. PCMU and PCMA legs are transcoded.
/// A leg that is playing a prompt gets the prompt rather than the relayed audio. Dispose to unbridge.
/// </summary>
public sealed class MediaBridge : IDisposable
{
    private int _disposed;

    private MediaBridge(MediaSession first, MediaSession second)
    {
        First = first;
        Second = second;
    }

    /// <summary>The first leg (typically the caller).</summary>
    public MediaSession First { get; }

    /// <summary>The second leg (typically the agent).</summary>
    public MediaSession Second { get; }

    /// <summary>Bridges two legs; each may be in only one bridge.</summary>
    public static MediaBridge Join(MediaSession first, MediaSession second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (ReferenceEquals(first, second))
        {
            throw new ArgumentException("A leg cannot be bridged to itself.", nameof(second));
        }

        if (first.Bridge is not null || second.Bridge is not null)
        {
            throw new InvalidOperationException("A leg is already bridged.");
        }

        var bridge = new MediaBridge(first, second);
        first.SetBridge(bridge);
        second.SetBridge(bridge);
        return bridge;
    }

    /// <summary>The leg on the other side of <paramref name="leg"/>.</summary>
    public MediaSession? Other(MediaSession leg) =>
        Volatile.Read(ref _disposed) != 0 ? null : ReferenceEquals(leg, First) ? Second : ReferenceEquals(leg, Second) ? First : null;

    /// <summary>Unbridges; both legs go back to silence/prompts.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (First.Bridge == this)
        {
            First.SetBridge(null);
        }

        if (Second.Bridge == this)
        {
            Second.SetBridge(null);
        }
    }
}
