using Switchboard.Calls.Effects;
using Switchboard.Calls.Events;
using Switchboard.Calls.States;
using Switchboard.Dialplan.Engine;

namespace Switchboard.Calls.Flow;

/// <summary>The agent facet: dialling the phone that accepted, the bridge, hold and resume from the phone.</summary>
public sealed partial class CallFlow
{
    private void OnAgentAccepted(AgentAccepted accepted)
    {
        if (State is not Queued queued)
        {
            // Accepted for a call that no longer waits here (already dialling, hung up): give the agent back.
            Emit(new RejectOffer(accepted.AgentId));
            return;
        }

        var leg = NextLeg(LegRole.Agent);
        var ring = queued.Queue.OfferTimeout > TimeSpan.Zero ? queued.Queue.OfferTimeout : _options.AgentRingTimeout;
        State = new DiallingAgent(queued.Queue, accepted.AgentId, leg);
        Emit(new DialLeg(leg, new AgentPhone(accepted.PhoneUser, CallerNumber), ring));
    }

    private void OnLegDialled(LegDialled dialled)
    {
        switch (State)
        {
            case DiallingAgent dialling when dialled.Leg == dialling.AgentLeg:
                OnAgentDialled(dialling, dialled);
                return;
            case Transferring transferring when dialled.Leg == transferring.Attempt.TargetLeg:
                OnTargetDialled(transferring, dialled);
                return;
            case CallbackDiallingAgent callback when dialled.Leg == callback.AgentLeg:
                OnCallbackAgentDialled(callback, dialled);
                return;
            case CallbackDiallingCitizen callback when dialled.Leg == LegId.Caller:
                OnCitizenDialled(callback, dialled);
                return;
        }

        // A leg this call no longer waits for (e.g. a 2xx that crossed our CANCEL): let it go.
        Emit(new HangUpLeg(dialled.Leg));
    }

    private void OnAgentDialled(DiallingAgent dialling, LegDialled dialled)
    {
        if (dialled.Outcome != DialOutcome.Answered)
        {
            // Busy, no answer, rejected: the offer is rejected, the caller keeps their place and hears the queue.
            Emit(new HangUpLeg(dialled.Leg));
            Emit(new RejectOffer(dialling.AgentId));
            State = new Queued(dialling.Queue);
            Emit(new StartTimer(PositionPollTimer, _options.PositionPollInterval));
            return;
        }

        Emit(new MarkAnswered());
        RunIvr(new AgentConnected());
        Emit(new StopTimer(null));
        State = new Connected(dialling.Queue, dialling.AgentId, dialling.AgentLeg);
        Bridge(dialling.AgentLeg);
        Emit(new TellAgent(new CallConnectedNotice(dialling.AgentId, dialling.Queue.Id)));
    }

    private void OnLegHeld(LegId leg)
    {
        if (State is Connected connected && leg == connected.AgentLeg)
        {
            Unbridge();
            State = new AgentOnHold(connected.Queue, connected.AgentId, connected.AgentLeg);
            PlayHoldMusic();
        }
    }

    private void OnLegResumed(LegId leg)
    {
        if (State is AgentOnHold held && leg == held.AgentLeg)
        {
            State = new Connected(held.Queue, held.AgentId, held.AgentLeg);
            Bridge(held.AgentLeg);
        }
    }
}
