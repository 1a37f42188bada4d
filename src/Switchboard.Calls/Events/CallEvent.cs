namespace Switchboard.Calls.Events;

/// <summary>
/// Something that happened to a call, fed into <see cref="Flow.CallFlow.Handle"/>: a leg's news (answered, ended, held,
/// REFER), media (key, prompt finished, RTP timeout), a timer, the ACD, an agent's command, or the reply to a
/// <see cref="Effects.StoreRequest"/>.
/// </summary>
public abstract record CallEvent;
