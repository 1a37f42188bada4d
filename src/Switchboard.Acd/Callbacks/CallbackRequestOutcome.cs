namespace Switchboard.Acd.Callbacks;

/// <summary>What happened to a callback request.</summary>
public enum CallbackRequestOutcome
{
    /// <summary>A new callback was queued.</summary>
    Created,

    /// <summary>The number already had an open callback in this queue; that one was updated (one per number per queue).</summary>
    Updated,

    /// <summary>The number failed validation; see <see cref="CallbackRequestResult.Validation"/>.</summary>
    InvalidNumber,

    /// <summary>The number reached its daily limit of requests.</summary>
    DailyLimitReached,

    /// <summary>The calling number reached its daily limit of requests (<see cref="CallbackOptions.DailyLimitPerCaller"/>).</summary>
    CallerLimitReached,

    /// <summary>The tenant reached its daily limit of requests (<see cref="CallbackOptions.DailyLimitTotal"/>).</summary>
    OverallLimitReached,

    /// <summary>The queue is not configured.</summary>
    UnknownQueue,
}
