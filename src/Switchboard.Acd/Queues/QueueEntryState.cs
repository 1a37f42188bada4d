namespace Switchboard.Acd.Queues;

/// <summary>Where a queue entry is in its life.</summary>
public enum QueueEntryState
{
    /// <summary>Waiting for an agent.</summary>
    Waiting,

    /// <summary>Offered to one agent (reserved).</summary>
    Offered,

    /// <summary>The agent accepted; the owning node is connecting the agent's phone.</summary>
    Accepted,

    /// <summary>The agent's phone answered: caller and agent are talking.</summary>
    Answered,
}
