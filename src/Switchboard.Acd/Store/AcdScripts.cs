namespace Switchboard.Acd.Store;

/// <summary>All ACD scripts, read once per process; loaded on each Redis server once per store (SCRIPT LOAD).</summary>
internal static class AcdScripts
{
    public static readonly AcdScript Register = AcdScript.Load(nameof(Register));
    public static readonly AcdScript Ready = AcdScript.Load(nameof(Ready));
    public static readonly AcdScript Pause = AcdScript.Load(nameof(Pause));
    public static readonly AcdScript Logout = AcdScript.Load(nameof(Logout));
    public static readonly AcdScript Accept = AcdScript.Load(nameof(Accept));
    public static readonly AcdScript AckAccepted = AcdScript.Load(nameof(AckAccepted));
    public static readonly AcdScript Reject = AcdScript.Load(nameof(Reject));
    public static readonly AcdScript EndWrapUp = AcdScript.Load(nameof(EndWrapUp));
    public static readonly AcdScript Enqueue = AcdScript.Load(nameof(Enqueue));
    public static readonly AcdScript Answered = AcdScript.Load(nameof(Answered));
    public static readonly AcdScript Ended = AcdScript.Load(nameof(Ended));
    public static readonly AcdScript Abandon = AcdScript.Load(nameof(Abandon));
    public static readonly AcdScript Position = AcdScript.Load(nameof(Position));
    public static readonly AcdScript Tick = AcdScript.Load(nameof(Tick), "Timers");
    public static readonly AcdScript Sweep = AcdScript.Load(nameof(Sweep), "Nodes");
    public static readonly AcdScript Round = AcdScript.Load(nameof(Round), "Timers", "Nodes");
    public static readonly AcdScript Transfer = AcdScript.Load(nameof(Transfer));
    public static readonly AcdScript HangUpRequest = AcdScript.Load(nameof(HangUpRequest));

    public static readonly IReadOnlyList<AcdScript> All =
        [Register, Ready, Pause, Logout, Accept, AckAccepted, Reject, EndWrapUp, Enqueue, Answered, Ended, Abandon, Position, Tick, Sweep, Round, Transfer, HangUpRequest];
}
