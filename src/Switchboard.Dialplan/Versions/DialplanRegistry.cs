using Switchboard.Dialplan.Engine;
using Switchboard.Dialplan.Hours;
using Switchboard.Dialplan.Model;

namespace Switchboard.Dialplan.Versions;

/// <summary>
/// Holds the current dialplan. <see cref="Publish"/> switches atomically; calls started before keep the
/// <see cref="DialplanDefinition"/> (and version) their <see cref="IvrSession"/> was created with.
/// </summary>
public sealed class DialplanRegistry
{
    private readonly TimeProvider _timeProvider;
    private DialplanDefinition _current;
    private LiveOverride? _liveOverride;

    /// <summary>Creates the registry with its first dialplan.</summary>
    public DialplanRegistry(DialplanDefinition initial, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _current = initial;
        _timeProvider = timeProvider;
    }

    /// <summary>The dialplan new calls get.</summary>
    public DialplanDefinition Current => Volatile.Read(ref _current);

    /// <summary>The live override new calls get (null: none).</summary>
    public LiveOverride? LiveOverride => Volatile.Read(ref _liveOverride);

    /// <summary>Makes <paramref name="dialplan"/> current for new calls; returns the one it replaced.</summary>
    public DialplanDefinition Publish(DialplanDefinition dialplan)
    {
        ArgumentNullException.ThrowIfNull(dialplan);
        return Interlocked.Exchange(ref _current, dialplan);
    }

    /// <summary>Sets or clears (null) the supervisor's live open/closed override.</summary>
    public void SetLiveOverride(LiveOverride? liveOverride) => Volatile.Write(ref _liveOverride, liveOverride);

    /// <summary>A session for a new call on the current dialplan version.</summary>
    public IvrSession StartSession() => new(Current, _timeProvider, LiveOverride);
}
