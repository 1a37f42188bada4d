namespace Switchboard.Calls.States;

/// <summary>A coarse name for where a call is (metrics and logs); the state records say the rest.</summary>
public enum CallPhase
{
    /// <summary>INVITE received, 200 OK sent, waiting for the ACK.</summary>
    Answering,

    /// <summary>In the menus (or a callback dialogue, or being put in a queue).</summary>
    Ivr,

    /// <summary>Waiting in an ACD queue.</summary>
    Queued,

    /// <summary>An agent accepted; their phone rings.</summary>
    DialingAgent,

    /// <summary>Caller and agent are bridged.</summary>
    Connected,

    /// <summary>The agent's phone holds the call; the caller hears music.</summary>
    OnHold,

    /// <summary>An external transfer target rings; the caller hears music.</summary>
    Transferring,

    /// <summary>Caller and transfer target are bridged; the agent has left.</summary>
    TransferConnected,

    /// <summary>A callback is dialling the agent or the citizen, or greeting the citizen.</summary>
    Callback,

    /// <summary>Over.</summary>
    Ended,
}
