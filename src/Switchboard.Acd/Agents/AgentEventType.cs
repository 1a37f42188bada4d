namespace Switchboard.Acd.Agents;

/// <summary>Kinds of <see cref="AgentEvent"/> pushed to an agent's stream.</summary>
public enum AgentEventType
{
    /// <summary>A caller is offered to the agent: accept or reject before the offer timeout.</summary>
    Offer,

    /// <summary>The offer is withdrawn (timeout, caller abandoned, node lost).</summary>
    OfferRescinded,

    /// <summary>The agent's state changed.</summary>
    StateChanged,
}
