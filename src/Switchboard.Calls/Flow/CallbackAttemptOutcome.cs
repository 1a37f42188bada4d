namespace Switchboard.Calls.Flow;

/// <summary>What one callback attempt came to.</summary>
public enum CallbackAttemptOutcome
{
    /// <summary>The citizen answered (the call then goes on connected).</summary>
    Answered,

    /// <summary>The citizen's phone rang out.</summary>
    NoAnswer,

    /// <summary>The citizen's phone was busy.</summary>
    Busy,

    /// <summary>The citizen's leg failed otherwise (rejected, no codec, trunk error).</summary>
    Failed,

    /// <summary>The agent's phone did not answer, or the agent hung up before the citizen answered: the attempt does not count.</summary>
    AgentNotReached,
}
