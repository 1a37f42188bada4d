namespace Switchboard.Acd.Agents;

/// <summary>Where an agent (queue member) is in the ACD's state machine.</summary>
public enum AgentState
{
    /// <summary>Not logged in: receives nothing.</summary>
    LoggedOut,

    /// <summary>Idle and waiting for an offer.</summary>
    Ready,

    /// <summary>An offer is out to the agent and not yet accepted, rejected or timed out.</summary>
    Reserved,

    /// <summary>Accepted a caller: being connected or talking.</summary>
    OnCall,

    /// <summary>After-call work; ready again when the wrap-up time ends or the agent ends it early.</summary>
    WrapUp,

    /// <summary>Logged in but paused with a <see cref="PauseReason"/>.</summary>
    Paused,
}
