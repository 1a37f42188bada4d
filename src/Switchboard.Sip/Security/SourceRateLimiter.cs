using System.Net;

namespace Switchboard.Sip.Security;

/// <summary>
/// A token bucket per source address with temporary bans (<see cref="SourceRateLimitOptions"/>), checked for every
/// message before it is parsed, so a flood costs one table lookup per datagram and no transaction, dialog or media.
/// The table holds at most <see cref="SourceRateLimitOptions.MaxSources"/> sources: an attacker forging many source
/// addresses fills it, and from then on unknown sources share one overflow bucket (rate limited, never banned) until a
/// sweep frees the entries of sources that have gone quiet.
/// </summary>
public sealed class SourceRateLimiter
{
    private readonly Dictionary<IPAddress, Bucket> _sources = [];
    private readonly Bucket _overflow;
    private readonly TimeProvider _timeProvider;
    private readonly long _banTicks;
    private readonly long _fullTicks;
    private readonly double _tokensPerTick;
    private long _lastSweep;

    public SourceRateLimiter(SourceRateLimitOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Options = options;
        _timeProvider = timeProvider;
        var frequency = timeProvider.TimestampFrequency;
        _tokensPerTick = options.MessagesPerSecond / frequency;
        _banTicks = (long)(options.BanDuration.TotalSeconds * frequency);
        _fullTicks = (long)Math.Ceiling(options.Burst / Math.Max(_tokensPerTick, double.Epsilon));
        _overflow = new Bucket(options.Burst, timeProvider.GetTimestamp());
        _lastSweep = long.MinValue / 2;
    }

    public SourceRateLimitOptions Options { get; }

    /// <summary>Sources in the table now (for tests and metrics).</summary>
    public int TrackedSources
    {
        get
        {
            lock (_sources)
            {
                return _sources.Count;
            }
        }
    }

    /// <summary>Takes one token for a message from <paramref name="source"/>.</summary>
    public SourceVerdict Check(IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (SipSourceList.Contains(Options.ExemptSources, source))
        {
            return SourceVerdict.Allow;
        }

        lock (_sources)
        {
            var now = _timeProvider.GetTimestamp();
            if (!_sources.TryGetValue(source, out var bucket))
            {
                if (_sources.Count >= Options.MaxSources && !Sweep(now))
                {
                    return _overflow.Take(now, _tokensPerTick, Options.Burst) ? SourceVerdict.Allow : SourceVerdict.Refused;
                }

                bucket = new Bucket(Options.Burst, now);
                _sources[source] = bucket;
            }

            if (bucket.BannedUntil > now)
            {
                return SourceVerdict.Refused;
            }

            if (bucket.BannedUntil != 0)
            {
                bucket.BannedUntil = 0; // ban served: start again with a full bucket
                bucket.Tokens = Options.Burst;
                bucket.Stamp = now;
            }

            if (bucket.Take(now, _tokensPerTick, Options.Burst))
            {
                return SourceVerdict.Allow;
            }

            bucket.BannedUntil = now + Math.Max(_banTicks, 1);
            return SourceVerdict.Banned;
        }
    }

    /// <summary>True when <paramref name="source"/> is serving a ban now.</summary>
    public bool IsBanned(IPAddress source)
    {
        lock (_sources)
        {
            return _sources.TryGetValue(source, out var bucket) && bucket.BannedUntil > _timeProvider.GetTimestamp();
        }
    }

    /// <summary>Removes sources whose bucket has refilled and that are not banned; at most once a second. True when room was made.</summary>
    private bool Sweep(long now)
    {
        if (now - _lastSweep < _timeProvider.TimestampFrequency)
        {
            return false;
        }

        _lastSweep = now;
        List<IPAddress>? idle = null;
        foreach (var (address, bucket) in _sources)
        {
            if (bucket.BannedUntil <= now && now - bucket.Stamp >= _fullTicks)
            {
                (idle ??= []).Add(address);
            }
        }

        if (idle is null)
        {
            return false;
        }

        foreach (var address in idle)
        {
            _sources.Remove(address);
        }

        return true;
    }

    private sealed class Bucket(double tokens, long stamp)
    {
        public double Tokens { get; set; } = tokens;

        public long Stamp { get; set; } = stamp;

        public long BannedUntil { get; set; }

        public bool Take(long now, double tokensPerTick, int burst)
        {
            Tokens = Math.Min(burst, Tokens + ((now - Stamp) * tokensPerTick));
            Stamp = now;
            if (Tokens < 1)
            {
                return false;
            }

            Tokens -= 1;
            return true;
        }
    }
}
