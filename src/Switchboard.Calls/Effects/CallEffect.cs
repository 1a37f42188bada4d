namespace Switchboard.Calls.Effects;

/// <summary>
/// Something the executor must do for a call, returned by <see cref="Flow.CallFlow.Handle"/> in order: media, SIP,
/// timers, the ACD, the agent's event stream. Effects carry no callbacks: what comes of them returns as events.
/// </summary>
public abstract record CallEffect;
