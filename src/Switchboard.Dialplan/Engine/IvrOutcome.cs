namespace Switchboard.Dialplan.Engine;

/// <summary>The outcome so far: <c>Queue</c> with a queue id, <c>Transfer</c> with a target, <c>Callback</c> or <c>HangUp</c>.</summary>
public sealed record IvrOutcome(OutcomeKind Kind, string? Queue = null, string? Target = null);
