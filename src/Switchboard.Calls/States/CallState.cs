namespace Switchboard.Calls.States;

/// <summary>Where a call is: one immutable record per state, holding exactly what that state needs.</summary>
public abstract record CallState
{
    /// <summary>The coarse phase (metrics, logs).</summary>
    public abstract CallPhase Phase { get; }
}
