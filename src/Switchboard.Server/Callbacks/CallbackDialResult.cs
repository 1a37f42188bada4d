using Switchboard.Acd.Callbacks;

namespace Switchboard.Server.Callbacks;

/// <summary>What one dial attempt came to.</summary>
/// <param name="Outcome">The citizen leg's outcome: answered, no answer, busy or failed.</param>
/// <param name="AgentReached">
/// False when the agent's phone did not answer (or the agent hung up before the citizen answered): the citizen was
/// not (or not fully) called, so the attempt does not count and the callback goes back to its place at once.
/// </param>
public sealed record CallbackDialResult(CallbackOutcome Outcome, bool AgentReached = true)
{
    /// <summary>The agent's phone did not answer: nothing happened for the citizen.</summary>
    public static CallbackDialResult AgentNotReached { get; } = new(CallbackOutcome.Failed, false);
}
