namespace Switchboard.Acd.Callbacks;

/// <summary>Where a callback request is in its life.</summary>
public enum CallbackState
{
    /// <summary>Waiting in its queue (keeping its place) to be offered to an agent.</summary>
    Pending,

    /// <summary>An agent took it; the citizen is being dialled.</summary>
    Dialling,

    /// <summary>The last attempt failed; it goes back to its place in the queue at the next retry time.</summary>
    RetryWaiting,

    /// <summary>Done; see <see cref="CallbackOutcome"/>.</summary>
    Closed,
}
