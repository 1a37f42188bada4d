using Switchboard.Calls.Effects;
using Switchboard.Calls.Events;
using Switchboard.Calls.States;

namespace Switchboard.Calls.Flow;

/// <summary>
/// The callback facet: a callback is the same call with another start. The agent's phone first; when it answers, the
/// citizen through the trunk; on answer the hello prompt, then the bridge and an ordinary <see cref="Connected"/> call.
/// </summary>
public sealed partial class CallFlow
{
    private void OnStarted()
    {
        if (_callback is not { } plan || State is not InIvr)
        {
            return;
        }

        var leg = NextLeg(LegRole.Agent);
        State = new CallbackDiallingAgent(plan, leg);
        // The agent's phone shows the citizen's number, marked as a callback.
        Emit(new DialLeg(leg, new AgentPhone(plan.AgentPhoneUser, plan.Number, "Callback"), plan.AgentRingTimeout));
    }

    private void OnCallbackAgentDialled(CallbackDiallingAgent callback, LegDialled dialled)
    {
        if (dialled.Outcome != DialOutcome.Answered)
        {
            // Nothing happened for the citizen: the attempt does not count.
            Emit(new HangUpLeg(callback.AgentLeg));
            Emit(new SettleCallbackAttempt(CallbackAttemptOutcome.AgentNotReached));
            Close("agent not reached: " + dialled.Detail);
            return;
        }

        State = new CallbackDiallingCitizen(callback.Plan, callback.AgentLeg);
        Emit(new DialLeg(LegId.Caller, new CitizenViaTrunk(callback.Plan.Number), callback.Plan.CitizenRingTimeout));
    }

    private void OnCitizenDialled(CallbackDiallingCitizen callback, LegDialled dialled)
    {
        if (dialled.Outcome != DialOutcome.Answered)
        {
            Emit(new HangUpLeg(LegId.Caller));
            Emit(new HangUpLeg(callback.AgentLeg));
            Emit(new SettleCallbackAttempt(dialled.Outcome switch
            {
                DialOutcome.NoAnswer => CallbackAttemptOutcome.NoAnswer,
                DialOutcome.Busy => CallbackAttemptOutcome.Busy,
                _ => CallbackAttemptOutcome.Failed,
            }));
            Close("citizen not reached: " + dialled.Detail);
            return;
        }

        // From here the attempt counts as answered, whatever follows; it is settled once bridged (or ended).
        Emit(new MarkAnswered());
        State = new CallbackGreeting(callback.Plan, callback.AgentLeg);
        Announce(callback.Plan.HelloPrompts, AfterAnnouncement.BridgeAgent);
    }

    private void OnGreetingDone()
    {
        if (State is CallbackGreeting greeting)
        {
            State = new Connected(null, greeting.Plan.AgentId, greeting.AgentLeg);
            Bridge(greeting.AgentLeg);
            Emit(new SettleCallbackAttempt(CallbackAttemptOutcome.Answered));
        }
    }
}
