using Switchboard.Calls.Effects;
using Switchboard.Calls.Events;
using Switchboard.Calls.States;

namespace Switchboard.Calls.Flow;

/// <summary>
/// The ending facet, one place for every way a call ends: the caller hangs up, the agent or target hangs up, media dies,
/// we end it (IVR, hang-up request, shutdown). Every live leg is let go, the ACD hears what became of the call, and
/// <see cref="FinishCall"/> comes last.
/// </summary>
public sealed partial class CallFlow
{
    private void OnLegEnded(LegEnded ended)
    {
        var leg = ended.Leg;
        if (leg == LegId.Caller)
        {
            Finish("caller hung up: " + ended.Reason, callerGone: true);
            return;
        }

        switch (State)
        {
            case AgentCall call when leg == call.AgentLeg:
                Finish("agent hung up: " + ended.Reason, callerGone: false);
                return;
            case Transferring transferring when leg == transferring.AgentLeg:
                // The agent hung up while the target rings: the transfer goes on; not answered, the caller goes back to the queue.
                State = transferring with { AgentLeg = null };
                return;
            case TransferredToTarget transferred when leg == transferred.TargetLeg:
                Finish("transfer target hung up: " + ended.Reason, callerGone: false);
                return;
            case CallbackDiallingCitizen callback when leg == callback.AgentLeg:
                // The agent hung up while the citizen's phone rang: cancel it; the attempt does not count.
                Emit(new HangUpLeg(LegId.Caller));
                Emit(new SettleCallbackAttempt(CallbackAttemptOutcome.AgentNotReached));
                Close("agent hung up before the citizen answered");
                return;
            case CallbackGreeting greeting when leg == greeting.AgentLeg:
                Finish("agent hung up: " + ended.Reason, callerGone: false);
                return;
        }
    }

    private void OnMediaTimedOut(LegId leg)
    {
        var live = leg == LegId.Caller
            ? State is not Answering
            : State switch
            {
                Connected call => leg == call.AgentLeg,
                CallbackGreeting greeting => leg == greeting.AgentLeg,
                TransferredToTarget transferred => leg == transferred.TargetLeg,
                _ => false, // a held phone may send nothing; a ringing leg has no media yet
            };
        if (live)
        {
            End($"no RTP from the {(leg == LegId.Caller ? "caller" : leg.ToString())}");
        }
    }

    /// <summary>We end the call.</summary>
    private void End(string reason) => Finish(reason, callerGone: false);

    /// <summary>
    /// Ends the call from any state: every leg still there is let go (the caller's too unless they left), the ACD is told
    /// (abandoned while waiting, ended once an agent had it), a transfer in progress is reported not answered, a callback
    /// attempt not yet settled is settled.
    /// </summary>
    private void Finish(string reason, bool callerGone)
    {
        Emit(new StopTimer(null));
        switch (State)
        {
            case Answering or InIvr or JoiningQueue or FilingCallback:
                break;
            case Queued:
                Emit(new LeaveQueue(RememberPlace: callerGone));
                break;
            case DiallingAgent dialling:
                Emit(new HangUpLeg(dialling.AgentLeg));
                Emit(new LeaveQueue(RememberPlace: callerGone));
                break;
            case AgentCall call:
                Unbridge();
                Emit(new HangUpLeg(call.AgentLeg));
                Emit(new MarkEnded());
                break;
            case MovingToQueue moving:
                Emit(new HangUpLeg(moving.From.AgentLeg));
                Emit(new MarkEnded());
                break;
            case Transferring transferring:
                if (transferring.AgentLeg is { } agentLeg)
                {
                    Emit(new HangUpLeg(agentLeg));
                }

                Emit(new HangUpLeg(transferring.Attempt.TargetLeg));
                AbortTransfer(transferring, reason);
                Emit(new MarkEnded());
                break;
            case ReturningToQueue returning:
                if (returning.Transfer.AgentLeg is { } returningAgent)
                {
                    Emit(new HangUpLeg(returningAgent));
                }

                Emit(new MarkEnded());
                break;
            case TransferredToTarget transferred:
                Unbridge();
                Emit(new HangUpLeg(transferred.TargetLeg));
                break;
            case CallbackDiallingAgent callback:
                Emit(new HangUpLeg(callback.AgentLeg));
                Emit(new SettleCallbackAttempt(CallbackAttemptOutcome.AgentNotReached));
                break;
            case CallbackDiallingCitizen callback:
                Emit(new HangUpLeg(callback.AgentLeg));
                Emit(new SettleCallbackAttempt(CallbackAttemptOutcome.NoAnswer));
                break;
            case CallbackGreeting greeting:
                Emit(new HangUpLeg(greeting.AgentLeg));
                Emit(new MarkEnded());
                Emit(new SettleCallbackAttempt(CallbackAttemptOutcome.Answered));
                break;
        }

        if (!callerGone)
        {
            Emit(new HangUpLeg(LegId.Caller));
        }

        Close(reason);
    }

    private void Close(string reason)
    {
        Emit(new FinishCall(reason));
        State = new Ended(reason);
        Audio = CallerAudio.Silence;
    }

    /// <summary>After the end: a leg that answers late is let go, an agent who accepts late is given back.</summary>
    private void AfterEnd(CallEvent e)
    {
        switch (e)
        {
            case LegDialled { Outcome: DialOutcome.Answered } late:
                Emit(new HangUpLeg(late.Leg));
                break;
            case AgentAccepted accepted:
                Emit(new RejectOffer(accepted.AgentId));
                break;
        }
    }
}
