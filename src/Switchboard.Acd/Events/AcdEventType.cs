namespace Switchboard.Acd.Events;

/// <summary>Types of entries in the ACD event stream (the <c>type</c> field; wire names in docs/acd.md).</summary>
public enum AcdEventType
{
    Unknown,
    Enqueued,
    Offered,
    Accepted,
    Rejected,
    OfferTimedOut,
    Answered,
    Ended,
    Abandoned,
    Escalated,
    AgentStateChanged,
    WrapUpEnded,
    NodeLost,
}
