namespace Switchboard.Dialplan.Engine;

/// <summary>Where a call is in the IVR.</summary>
public enum IvrPhase
{
    /// <summary>Not started.</summary>
    Idle,
    /// <summary>In a menu.</summary>
    Menu,
    /// <summary>Hearing the closed/lunch/holiday/exception/emergency message.</summary>
    Closed,
    /// <summary>Asked whether to leave a callback request while closed.</summary>
    ClosedCallbackOffer,
    /// <summary>Waiting in a queue.</summary>
    Queued,
    /// <summary>Confirming the callback number.</summary>
    CallbackConfirm,
    /// <summary>Entering another callback number.</summary>
    CallbackEntry,
    /// <summary>Hearing a last prompt before hang up.</summary>
    Ending,
    /// <summary>Done: hung up, transferred or connected.</summary>
    Done,
}
