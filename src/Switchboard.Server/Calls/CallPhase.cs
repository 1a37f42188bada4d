namespace Switchboard.Server.Calls;

/// <summary>Where a <see cref="CallSession"/> is.</summary>
public enum CallPhase
{
    /// <summary>INVITE received, not yet answered.</summary>
    Answering,

    /// <summary>In the menus.</summary>
    Ivr,

    /// <summary>Waiting in an ACD queue (music on hold, announcements).</summary>
    Queued,

    /// <summary>An agent accepted; their phone is ringing.</summary>
    DialingAgent,

    /// <summary>Caller and agent are bridged.</summary>
    Connected,

    /// <summary>Over.</summary>
    Ended,
}
