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

    /// <summary>An agent is transferring the call to an external target: the caller hears music on hold, the agent is held, the target rings.</summary>
    Transferring,

    /// <summary>The external transfer target answered: caller and target are bridged; the agent has left.</summary>
    TransferConnected,

    /// <summary>Over.</summary>
    Ended,
}
