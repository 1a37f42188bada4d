using Switchboard.Calls.Flow;
using Switchboard.Dialplan.Model;

namespace Switchboard.Calls.States;

/// <summary>A call an agent has taken: bridged (<see cref="Connected"/>) or held by the agent's phone (<see cref="AgentOnHold"/>).</summary>
/// <param name="Queue">The queue it came through (null for a callback).</param>
/// <param name="AgentId">The agent.</param>
/// <param name="AgentLeg">The agent's leg.</param>
public abstract record AgentCall(QueueDefinition? Queue, string AgentId, LegId AgentLeg) : CallState;
