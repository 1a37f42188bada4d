namespace Switchboard.Calls.Events;

/// <summary>What the ACD did with a caller who asked to wait.</summary>
public enum QueueJoinOutcome
{
    /// <summary>Waiting (also after an overflow, or already waiting).</summary>
    Queued,

    /// <summary>Nobody is signed in and the queue offers a callback instead.</summary>
    OfferCallback,

    /// <summary>Nobody is signed in and the queue does not wait: closed.</summary>
    Closed,

    /// <summary>The store (Redis) could not be reached, or refused the queue.</summary>
    Unavailable,
}
