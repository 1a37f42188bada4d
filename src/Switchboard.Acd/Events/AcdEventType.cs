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

    /// <summary><c>callback_requested</c>: a caller left a callback request (new or updated place).</summary>
    CallbackRequested,

    /// <summary><c>callback_updated</c>: a second request for the same number and queue updated the first.</summary>
    CallbackUpdated,

    /// <summary><c>callback_refused</c>: a request was refused (number invalid, premium rate, daily limit).</summary>
    CallbackRefused,

    /// <summary><c>callback_dialling</c>: an agent accepted a callback and an attempt started.</summary>
    CallbackDialling,

    /// <summary><c>callback_answered</c>: the citizen answered a callback attempt.</summary>
    CallbackAnswered,

    /// <summary><c>callback_attempt_failed</c>: an attempt ended without an answer (no answer, busy, failed).</summary>
    CallbackAttemptFailed,

    /// <summary><c>callback_requeued</c>: after a failed attempt the callback waits, at its place, for the next try.</summary>
    CallbackRequeued,

    /// <summary><c>callback_unreachable</c>: the last attempt failed; the request is closed as unreachable.</summary>
    CallbackUnreachable,

    /// <summary><c>callback_completed</c>: an agent completed the callback with an outcome.</summary>
    CallbackCompleted,

    /// <summary><c>callback_cancelled</c>: an agent or supervisor cancelled the request.</summary>
    CallbackCancelled,

    /// <summary><c>callback_expired</c>: the request expired before it was worked.</summary>
    CallbackExpired,

    /// <summary><c>callback_purged</c>: the retention period passed and the number was deleted.</summary>
    CallbackPurged,

    /// <summary><c>transferred</c>: an agent transferred the call to another queue; the caller keeps the original place.</summary>
    TransferredToQueue,

    /// <summary><c>transfer_started</c>: an agent transferred the call to an external number (handläggare); it rings.</summary>
    TransferStarted,

    /// <summary><c>transfer_answered</c>: the external transfer target answered and the legs were joined.</summary>
    TransferAnswered,

    /// <summary><c>transfer_not_answered</c>: the external target did not answer in time (or was busy/failed); field
    /// <c>returned_to</c> says where the caller went (<c>agent</c> or <c>queue</c>).</summary>
    TransferNotAnswered,

    /// <summary><c>callback_agent_missed</c>: the agent's phone did not answer a callback; it went back to its place and the attempt was not counted.</summary>
    CallbackAgentMissed,

    /// <summary><c>accept_resent</c>: the call's node had not acknowledged the <c>accepted</c> notice in time; it was sent again.</summary>
    AcceptResent,

    /// <summary><c>accept_unacknowledged</c>: the call's node never acknowledged the <c>accepted</c> notice; the caller went
    /// back to their place and the agent is ready again.</summary>
    AcceptUnacknowledged,

    /// <summary><c>hangup_resent</c>: an agent's hang-up request had not ended the call in time; it was sent again.</summary>
    HangUpResent,

    /// <summary><c>hangup_unacknowledged</c>: the re-sends of an agent's hang-up request are used up and the call is still up.</summary>
    HangUpUnacknowledged,
}
