using System.Security.Cryptography;

namespace Switchboard.Media.Sessions;

/// <summary>
/// Hands out even RTP ports (RTCP on the odd one above) at random within the configured range, so neither the next
/// call's port nor a just-freed one can be guessed. Part of the range is reserved for outbound legs: inbound legs
/// stop at <see cref="InboundLimit"/> pairs, so a flood of inbound calls can never take the ports that agent legs,
/// transfers and callbacks need.
/// </summary>
internal sealed class PortAllocator
{
    private const int RandomTries = 16;

    private readonly int _first;
    private readonly int _count;
    private readonly Dictionary<int, MediaLegDirection> _inUse = [];
    private readonly Lock _gate = new();
    private int _inboundInUse;

    public PortAllocator(int start, int end, int outboundReservePercent = 0)
    {
        _first = start % 2 == 0 ? start : start + 1;
        if (_first < 1024 || end > 65534 || end < _first)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Invalid RTP port range {start}-{end}.");
        }

        if (outboundReservePercent is < 0 or > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(outboundReservePercent), $"The outbound port reserve must be 0-90 %, not {outboundReservePercent}.");
        }

        _count = ((end - _first) / 2) + 1;
        Reserved = _count * outboundReservePercent / 100;
        InboundLimit = _count - Reserved;
    }

    /// <summary>RTP/RTCP pairs in the range.</summary>
    public int Capacity => _count;

    /// <summary>Pairs only outbound legs may take.</summary>
    public int Reserved { get; }

    /// <summary>Pairs inbound legs may hold at once.</summary>
    public int InboundLimit { get; }

    /// <summary>Inbound pairs held now.</summary>
    public int InboundInUse
    {
        get
        {
            lock (_gate)
            {
                return _inboundInUse;
            }
        }
    }

    /// <summary>True when an inbound leg would be refused now (only the outbound reserve is left).</summary>
    public bool InboundExhausted
    {
        get
        {
            lock (_gate)
            {
                return _inboundInUse >= InboundLimit;
            }
        }
    }

    /// <summary>
    /// Candidate ports: a few random ones, then every port from a random start. The caller tries to bind each and
    /// calls <see cref="Confirm"/>, which decides (the range may change between the two).
    /// </summary>
    public IEnumerable<int> Candidates()
    {
        for (var i = 0; i < RandomTries; i++)
        {
            var port = PortAt(RandomNumberGenerator.GetInt32(_count));
            if (!InUse(port))
            {
                yield return port;
            }
        }

        var start = RandomNumberGenerator.GetInt32(_count);
        for (var i = 0; i < _count; i++)
        {
            var port = PortAt((start + i) % _count);
            if (!InUse(port))
            {
                yield return port;
            }
        }
    }

    /// <summary>Takes <paramref name="port"/> for a leg; false when it is taken or an inbound leg hit its limit.</summary>
    public bool Confirm(int port, MediaLegDirection direction)
    {
        lock (_gate)
        {
            if (direction == MediaLegDirection.Inbound && _inboundInUse >= InboundLimit)
            {
                return false;
            }

            if (!_inUse.TryAdd(port, direction))
            {
                return false;
            }

            if (direction == MediaLegDirection.Inbound)
            {
                _inboundInUse++;
            }

            return true;
        }
    }

    public void Release(int port)
    {
        lock (_gate)
        {
            if (_inUse.Remove(port, out var direction) && direction == MediaLegDirection.Inbound)
            {
                _inboundInUse--;
            }
        }
    }

    private int PortAt(int index) => _first + (index * 2);

    private bool InUse(int port)
    {
        lock (_gate)
        {
            return _inUse.ContainsKey(port);
        }
    }
}
