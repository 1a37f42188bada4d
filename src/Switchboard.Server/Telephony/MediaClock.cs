using System.Collections.Concurrent;

namespace Switchboard.Server.Telephony;

/// <summary>
/// The one 20 ms clock of this node (RFC 3551 §4.5.14 packetisation): a single <see cref="TimeProvider"/> timer
/// ticks every registered <see cref="RtpLeg"/>, catching up when a tick comes late, so no call owns a thread or a timer.
/// </summary>
public sealed class MediaClock : IAsyncDisposable
{
    /// <summary>Packet time.</summary>
    public static readonly TimeSpan FrameDuration = TimeSpan.FromMilliseconds(20);

    private const int MaxCatchUpFrames = 5;
    private readonly ConcurrentDictionary<RtpLeg, byte> _legs = new();
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MediaClock(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _loop = RunAsync(_stop.Token);
    }

    /// <summary>Legs currently ticked.</summary>
    public int LegCount => _legs.Count;

    internal void Add(RtpLeg leg) => _legs.TryAdd(leg, 0);

    internal void Remove(RtpLeg leg) => _legs.TryRemove(leg, out _);

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10), _timeProvider);
        var start = _timeProvider.GetTimestamp();
        long framesDone = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var due = (long)(_timeProvider.GetElapsedTime(start) / FrameDuration);
                var frames = due - framesDone;
                if (frames <= 0)
                {
                    continue;
                }

                if (frames > MaxCatchUpFrames)
                {
                    framesDone = due - MaxCatchUpFrames;
                    frames = MaxCatchUpFrames;
                }

                for (var i = 0; i < frames; i++)
                {
                    foreach (var leg in _legs.Keys)
                    {
                        leg.Tick();
                    }
                }

                framesDone += frames;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
