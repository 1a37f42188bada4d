using System.Net;

namespace Switchboard.Sip.Security;

/// <summary>
/// Incoming calls not yet confirmed by ACK, in total and per source address: the global cap
/// (<see cref="SipSecurityOptions.MaxUnconfirmedCalls"/>) bounds the RTP ports held for unconfirmed calls, the per-source
/// cap (<see cref="SipSecurityOptions.MaxUnconfirmedCallsPerSource"/>) keeps one allowed source that never ACKs (even
/// below its rate limit) from filling the global cap and shutting out the trunk's real calls. The table holds at most
/// one entry per unconfirmed call, so it is bounded by the global cap.
/// </summary>
internal sealed class UnconfirmedCallTable
{
    private readonly Dictionary<IPAddress, int> _bySource = [];
    private readonly Lock _gate = new();
    private int _total;

    public int Count => Volatile.Read(ref _total);

    /// <summary>Counts a new call from <paramref name="source"/>; null when taken, else the cap that refused it and its limit.</summary>
    public (string Cap, int Limit)? TryAdd(IPAddress source, int maxTotal, int maxPerSource)
    {
        lock (_gate)
        {
            if (_total >= maxTotal)
            {
                return ("unconfirmed calls", maxTotal);
            }

            _bySource.TryGetValue(source, out var mine);
            if (mine >= maxPerSource)
            {
                return ("unconfirmed calls per source", maxPerSource);
            }

            _bySource[source] = mine + 1;
            Volatile.Write(ref _total, _total + 1);
            return null;
        }
    }

    /// <summary>A call from <paramref name="source"/> was confirmed, refused, cancelled or abandoned.</summary>
    public void Remove(IPAddress source)
    {
        lock (_gate)
        {
            if (!_bySource.TryGetValue(source, out var mine))
            {
                return;
            }

            if (mine <= 1)
            {
                _bySource.Remove(source);
            }
            else
            {
                _bySource[source] = mine - 1;
            }

            Volatile.Write(ref _total, _total - 1);
        }
    }
}
