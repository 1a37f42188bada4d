using Switchboard.Calls.Flow;

namespace Switchboard.Calls.Effects;

/// <summary>A callback attempt came to an outcome (the citizen answered, or why not); the call may go on after it.</summary>
public sealed record SettleCallbackAttempt(CallbackAttemptOutcome Outcome) : CallEffect;
