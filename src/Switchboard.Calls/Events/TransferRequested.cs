using Switchboard.Calls.Flow;

namespace Switchboard.Calls.Events;

/// <summary>An agent asked (through the API) to transfer the call, to a queue or to an external target.</summary>
/// <param name="AgentId">Who asked; must be the connected agent.</param>
/// <param name="Destination">Where to, already resolved by the host's number policy.</param>
/// <param name="RingTimeout">How long an external target may ring.</param>
/// <param name="ReturnToQueueOnNoAnswer">Not answered: back to the queue rather than to the agent.</param>
public sealed record TransferRequested(string AgentId, TransferDestination Destination, TimeSpan RingTimeout, bool ReturnToQueueOnNoAnswer) : CallEvent;
