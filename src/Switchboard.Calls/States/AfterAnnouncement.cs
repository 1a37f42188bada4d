namespace Switchboard.Calls.States;

/// <summary>What follows a call-flow announcement.</summary>
public enum AfterAnnouncement
{
    /// <summary>Music on hold until something else happens.</summary>
    MusicOnHold,

    /// <summary>The call ends (closed and goodbye).</summary>
    HangUp,

    /// <summary>The callback's citizen is bridged to the agent.</summary>
    BridgeAgent,
}
