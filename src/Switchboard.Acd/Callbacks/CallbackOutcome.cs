namespace Switchboard.Acd.Callbacks;

/// <summary>The result of the latest attempt, or why a callback closed.</summary>
public enum CallbackOutcome
{
    /// <summary>Nothing yet.</summary>
    None,

    /// <summary>The citizen answered and was connected with the agent.</summary>
    Answered,

    /// <summary>No answer (ring timeout, 408/480).</summary>
    NoAnswer,

    /// <summary>Busy (486/600).</summary>
    Busy,

    /// <summary>The call could not be set up (trunk error, other 4xx-6xx).</summary>
    Failed,

    /// <summary>All attempts failed.</summary>
    Unreachable,

    /// <summary>Cancelled by a supervisor (or the citizen).</summary>
    Cancelled,

    /// <summary>Completed by hand by an agent.</summary>
    Completed,

    /// <summary>Not worked before its expiry time.</summary>
    Expired,
}
