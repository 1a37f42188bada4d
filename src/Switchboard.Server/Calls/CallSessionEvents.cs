using Switchboard.Acd.Events;
using Switchboard.Acd.CallControl;
using Switchboard.Media.Playback;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.UserAgents;

namespace Switchboard.Server.Calls;

/// <summary>What the call session's single loop reacts to, besides the IVR engine's own events.</summary>
internal abstract record CallSessionEvent
{
    /// <summary>A played source ran out.</summary>
    public sealed record PlaybackDone(IAudioSource Source) : CallSessionEvent;

    /// <summary>The caller's dialog ended (BYE from the caller, or we ended it).</summary>
    public sealed record CallerGone(SipDialogEndReason Reason) : CallSessionEvent;

    /// <summary>The agent's dialog ended (<paramref name="Dialog"/>: which one; a transferred-away agent's late BYE is ignored).</summary>
    public sealed record AgentGone(SipDialogEndReason Reason, SipDialog? Dialog = null) : CallSessionEvent;

    /// <summary>An agent asked to transfer the call (to a queue or an external target).</summary>
    public sealed record TransferRequested(CallControlCommand Command) : CallSessionEvent;

    /// <summary>The INVITE to the external transfer target finished (answered or not).</summary>
    public sealed record TransferDialed(SipCallResult? Result, string? Failure) : CallSessionEvent;

    /// <summary>The external transfer target's dialog ended.</summary>
    public sealed record TargetGone(SipDialogEndReason Reason) : CallSessionEvent;

    /// <summary>News from the ACD for this call (accepted, requeued, overflowed).</summary>
    public sealed record Acd(CallEvent Event) : CallSessionEvent;

    /// <summary>The INVITE to the agent's phone finished (answered or not).</summary>
    public sealed record AgentDialed(string AgentId, SipCallResult? Result, string? Failure) : CallSessionEvent;

    /// <summary>Time to ask the ACD for the caller's position again.</summary>
    public sealed record PositionPoll : CallSessionEvent;

    /// <summary>No RTP/RTCP arrived on a leg (<c>caller</c>) for the media layer's inactivity timeout.</summary>
    public sealed record RtpTimedOut(string Leg) : CallSessionEvent;

    /// <summary>An agent or supervisor asked to end the call.</summary>
    public sealed record HangUpRequested(string By) : CallSessionEvent;
}
