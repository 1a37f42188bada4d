namespace Switchboard.Dialplan.Engine;

/// <summary>How the IVR part of a call ended.</summary>
public enum OutcomeKind
{
    /// <summary>Put in a queue.</summary>
    Queue,
    /// <summary>Hung up (goodbye, closed, fault).</summary>
    HangUp,
    /// <summary>A callback was registered.</summary>
    Callback,
    /// <summary>Transferred out.</summary>
    Transfer,
}
