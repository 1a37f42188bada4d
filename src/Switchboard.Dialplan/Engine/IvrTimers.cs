namespace Switchboard.Dialplan.Engine;

/// <summary>Names of the engine's timers.</summary>
public static class IvrTimers
{
    /// <summary>No key after a menu or question.</summary>
    public const string NoInput = "no-input";
    /// <summary>Next position/wait announcement.</summary>
    public const string Announce = "announce";
    /// <summary>Time to offer a callback while queued.</summary>
    public const string CallbackOffer = "callback-offer";
    /// <summary>Maximum wait in the queue reached.</summary>
    public const string MaxWait = "max-wait";
}
