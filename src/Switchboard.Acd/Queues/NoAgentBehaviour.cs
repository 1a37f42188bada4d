namespace Switchboard.Acd.Queues;

/// <summary>What a queue does with a new live caller when no member is logged in (Asterisk <c>joinempty</c>).</summary>
public enum NoAgentBehaviour
{
    /// <summary>Queue the caller anyway.</summary>
    Wait,

    /// <summary>Do not queue; offer a callback (<see cref="EnqueueOutcome.OfferCallback"/>).</summary>
    Callback,

    /// <summary>Queue in <see cref="QueueOptions.NoAgentOverflowQueue"/> instead.</summary>
    Overflow,

    /// <summary>Do not queue; play the closed message (<see cref="EnqueueOutcome.Closed"/>).</summary>
    Closed,
}
