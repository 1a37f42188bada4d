namespace Switchboard.Acd.Queues;

/// <summary>What happened to an enqueue request.</summary>
public enum EnqueueOutcome
{
    /// <summary>Queued (possibly already offered to an agent).</summary>
    Queued,

    /// <summary>The call id was already queued; nothing changed.</summary>
    AlreadyQueued,

    /// <summary>Nobody is logged in and the queue offers a callback: ask the caller, then enqueue a callback.</summary>
    OfferCallback,

    /// <summary>Nobody is logged in and the queue sends callers to another queue: queued there.</summary>
    Overflowed,

    /// <summary>Nobody is logged in and the queue is closed: play the closed message.</summary>
    Closed,

    /// <summary>The queue has not been configured with <c>ConfigureQueueAsync</c>.</summary>
    UnknownQueue,
}
