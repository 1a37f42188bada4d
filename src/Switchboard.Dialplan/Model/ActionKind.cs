namespace Switchboard.Dialplan.Model;

/// <summary>What a menu key, a default route or a closed handler does.</summary>
public enum ActionKind
{
    /// <summary><c>menu:&lt;id&gt;</c>: go to another menu.</summary>
    Menu,
    /// <summary><c>queue:&lt;id&gt;</c>: put the caller in a queue.</summary>
    Queue,
    /// <summary><c>transfer:&lt;number or uri&gt;</c>: blind transfer out of the IVR.</summary>
    Transfer,
    /// <summary><c>callback</c>: offer to register a callback request.</summary>
    Callback,
    /// <summary><c>language:&lt;code&gt;</c>: switch the prompt language and replay the menu.</summary>
    Language,
    /// <summary><c>repeat</c>: replay the current menu.</summary>
    Repeat,
    /// <summary><c>back</c>: go to the previous menu.</summary>
    Back,
    /// <summary><c>hangup</c>: say goodbye and hang up.</summary>
    HangUp,
}
