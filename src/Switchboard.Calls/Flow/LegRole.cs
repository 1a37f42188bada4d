namespace Switchboard.Calls.Flow;

/// <summary>What a leg is to the call: the citizen (caller, or the called-back citizen), the agent, or a transfer target.</summary>
public enum LegRole
{
    /// <summary>The citizen: the inbound caller, or the citizen a callback dials.</summary>
    Caller,

    /// <summary>An agent's phone (a new leg for every dial).</summary>
    Agent,

    /// <summary>An external transfer target (handläggare).</summary>
    Target,
}
