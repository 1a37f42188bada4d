using Switchboard.Dialplan.Engine;

namespace Switchboard.Calls.States;

/// <summary>The callback the caller confirmed is being recorded; the IVR commands after it (confirmation, goodbye) wait for the answer.</summary>
/// <param name="Resume">The state to go back to (in the IVR, or queued).</param>
/// <param name="ReplacesQueuedCall">The callback takes over the waiting call's place: accepted, the call leaves the queue.</param>
/// <param name="Rest">The IVR commands that followed the request.</param>
public sealed record FilingCallback(CallState Resume, bool ReplacesQueuedCall, IReadOnlyList<IvrCommand> Rest) : CallState
{
    /// <inheritdoc />
    public override CallPhase Phase => CallPhase.Ivr;
}
