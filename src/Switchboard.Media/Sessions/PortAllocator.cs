namespace Switchboard.Media.Sessions;

/// <summary>Hands out even RTP ports from the configured range, round robin, so a port just freed is not reused at once.</summary>
internal sealed class PortAllocator
{
    private readonly int _first;
    private readonly int _count;
    private readonly HashSet<int> _inUse = [];
    private readonly Lock _gate = new();
    private int _cursor;

    public PortAllocator(int start, int end)
    {
        _first = start % 2 == 0 ? start : start + 1;
        if (_first < 1024 || end > 65534 || end < _first)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Invalid RTP port range {start}-{end}.");
        }

        _count = ((end - _first) / 2) + 1;
    }

    public int Capacity => _count;

    /// <summary>Candidate ports in order from the cursor; the caller tries to bind each and calls <see cref="Confirm"/>.</summary>
    public IEnumerable<int> Candidates()
    {
        int start;
        lock (_gate)
        {
            start = _cursor;
        }

        for (var i = 0; i < _count; i++)
        {
            var port = _first + ((start + i) % _count * 2);
            lock (_gate)
            {
                if (_inUse.Contains(port))
                {
                    continue;
                }
            }

            yield return port;
        }
    }

    public bool Confirm(int port)
    {
        lock (_gate)
        {
            if (!_inUse.Add(port))
            {
                return false;
            }

            _cursor = (((port - _first) / 2) + 1) % _count;
            return true;
        }
    }

    public void Release(int port)
    {
        lock (_gate)
        {
            _inUse.Remove(port);
        }
    }
}
