using Switchboard.Calls.Effects;
using Switchboard.Calls.Events;
using Switchboard.Calls.Flow;
using Switchboard.Calls.States;
using Switchboard.Calls.Tests.Support;

namespace Switchboard.Calls.Tests.Flow;

/// <summary>Every way a call ends, from every state it can end in: legs let go, the ACD told, <see cref="FinishCall"/> last, timers stopped.</summary>
public sealed class CallFlowEndingTests
{
    public static TheoryData<string> AllStates() => CallStates.All();

    public static TheoryData<string> StatesWithCaller() => CallStates.Up();

    [Theory]
    [MemberData(nameof(StatesWithCaller))]
    public void Handle_CallerHangsUp_OtherLegsGoAndAcdHearsIt(string state)
    {
        var call = CallStates.Reachable[state]();
        var others = OtherLegs(call.State);
        var before = call.State;

        var effects = call.Send(new LegEnded(LegId.Caller, "BYE"));

        AssertEnded(call, effects);
        Assert.DoesNotContain(effects, e => e is HangUpLeg { Leg.Role: LegRole.Caller });
        foreach (var leg in others)
        {
            Assert.Contains(new HangUpLeg(leg), effects);
        }

        AssertAcdTold(before, effects, callerGone: true);
    }

    [Theory]
    [MemberData(nameof(AllStates))]
    public void Handle_NodeShutdown_EndsEveryLegCleanly(string state)
    {
        var call = CallStates.Reachable[state]();
        var others = OtherLegs(call.State);
        var before = call.State;

        var effects = call.Send(new ShutdownRequested());

        AssertEnded(call, effects);
        Assert.Equal("node shutting down", Assert.IsType<Ended>(call.State).Reason);
        foreach (var leg in others)
        {
            Assert.Contains(new HangUpLeg(leg), effects);
        }

        Assert.Contains(new HangUpLeg(LegId.Caller), effects);
        AssertAcdTold(before, effects, callerGone: false);
    }

    [Theory]
    [MemberData(nameof(AllStates))]
    public void Handle_HangUpRequested_EndsWithWhoAsked(string state)
    {
        var call = CallStates.Reachable[state]();
        var before = call.State;

        var effects = call.Send(new HangUpRequested("agent anna"));

        AssertEnded(call, effects);
        Assert.Equal("hang-up by agent anna", Assert.IsType<Ended>(call.State).Reason);
        AssertAcdTold(before, effects, callerGone: false);
    }

    [Theory]
    [MemberData(nameof(StatesWithCaller))]
    public void Handle_CallerRtpTimeout_EndsTheCall(string state)
    {
        var call = CallStates.Reachable[state]();
        var before = call.State;

        var effects = call.Send(new MediaTimedOut(LegId.Caller));

        AssertEnded(call, effects);
        Assert.Equal("no RTP from the caller", Assert.IsType<Ended>(call.State).Reason);
        Assert.Contains(new HangUpLeg(LegId.Caller), effects);
        AssertAcdTold(before, effects, callerGone: false);
    }

    [Fact]
    public void Handle_CallerRtpTimeoutBeforeAck_IsIgnored()
    {
        var call = FlowDriver.Inbound();

        Assert.Empty(call.Send(new MediaTimedOut(LegId.Caller)));
        Assert.IsType<Answering>(call.State);
    }

    [Fact]
    public void Handle_NoAck_EndsWithoutAcd()
    {
        var call = FlowDriver.Inbound();

        var effects = call.Send(new LegEnded(LegId.Caller, "No ACK"));

        AssertEnded(call, effects);
        Assert.DoesNotContain(effects, e => e is LeaveQueue or MarkEnded or MarkAnswered);
    }

    [Theory]
    [InlineData("connected")]
    [InlineData("agent-on-hold")]
    [InlineData("callback-connected")]
    public void Handle_AgentHangsUp_CallerGetsByeAndAgentGoesToWrapUp(string state)
    {
        var call = CallStates.Reachable[state]();

        var effects = call.Send(new LegEnded(call.AgentLeg, "BYE"));

        AssertEnded(call, effects);
        Assert.Contains(new HangUpLeg(LegId.Caller), effects);
        Assert.Contains(new MarkEnded(), effects);
    }

    [Theory]
    [InlineData("connected")]
    [InlineData("callback-connected")]
    public void Handle_AgentRtpTimeout_EndsTheCall(string state)
    {
        var call = CallStates.Reachable[state]();

        var effects = call.Send(new MediaTimedOut(call.AgentLeg));

        AssertEnded(call, effects);
        Assert.Contains(new HangUpLeg(LegId.Caller), effects);
        Assert.Contains(new MarkEnded(), effects);
    }

    [Fact]
    public void Handle_AgentRtpTimeoutWhileHolding_KeepsTheCall()
    {
        var call = FlowDriver.Inbound().OnHold();

        Assert.Empty(call.Send(new MediaTimedOut(call.AgentLeg)));
        Assert.IsType<AgentOnHold>(call.State);
    }

    [Fact]
    public void Handle_TargetHangsUpAfterTransfer_CallerGetsBye()
    {
        var call = FlowDriver.Inbound().Transferred();

        var effects = call.Send(new LegEnded(call.TargetLeg, "BYE"));

        AssertEnded(call, effects);
        Assert.Contains(new HangUpLeg(LegId.Caller), effects);
        Assert.DoesNotContain(effects, e => e is MarkEnded); // the ACD heard the call ended when the target answered
    }

    [Fact]
    public void Handle_TransferredCallerRtpTimeout_TargetGetsBye()
    {
        var call = FlowDriver.Inbound().Transferred();
        var target = call.TargetLeg;

        var effects = call.Send(new MediaTimedOut(target));

        AssertEnded(call, effects);
        Assert.Contains(new HangUpLeg(target), effects);
        Assert.Contains(new HangUpLeg(LegId.Caller), effects);
    }

    [Fact]
    public void Handle_EventsAfterTheEnd_LateLegsAreLetGoAndAgentsGivenBack()
    {
        var call = FlowDriver.Inbound().Dialling();
        var agentLeg = call.AgentLeg;
        call.Send(new LegEnded(LegId.Caller, "BYE"));

        Assert.Equal([new HangUpLeg(agentLeg)], call.Send(new LegDialled(agentLeg, DialOutcome.Answered, "200 OK", 200)));
        Assert.Equal([new RejectOffer("bo")], call.Send(new AgentAccepted("bo", "sip:bo@127.0.0.1")));
        Assert.Empty(call.Send(new DigitReceived('1')));
        Assert.Empty(call.Send(new ShutdownRequested()));
    }

    private static void AssertEnded(FlowDriver call, IReadOnlyList<CallEffect> effects)
    {
        Assert.IsType<Ended>(call.State);
        Assert.IsType<FinishCall>(effects[^1]);
        Assert.Single(call.Effects.OfType<FinishCall>());
        Assert.Equal(0, call.RunningTimers);
    }

    private static LegId[] OtherLegs(CallState state) => state switch
    {
        DiallingAgent dialling => [dialling.AgentLeg],
        AgentCall call => [call.AgentLeg],
        Transferring transferring => [transferring.AgentLeg!.Value, transferring.Attempt.TargetLeg],
        TransferredToTarget transferred => [transferred.TargetLeg],
        CallbackDiallingAgent callback => [callback.AgentLeg],
        CallbackDiallingCitizen callback => [callback.AgentLeg],
        CallbackGreeting greeting => [greeting.AgentLeg],
        _ => [],
    };

    private static void AssertAcdTold(CallState before, IReadOnlyList<CallEffect> effects, bool callerGone)
    {
        switch (before)
        {
            case Queued or DiallingAgent:
                Assert.Contains(new LeaveQueue(callerGone), effects);
                Assert.DoesNotContain(effects, e => e is MarkEnded);
                break;
            case AgentCall or Transferring:
                Assert.Contains(new MarkEnded(), effects);
                Assert.DoesNotContain(effects, e => e is LeaveQueue);
                break;
            case CallbackDiallingAgent:
                Assert.Contains(new SettleCallbackAttempt(CallbackAttemptOutcome.AgentNotReached), effects);
                break;
            case CallbackDiallingCitizen:
                Assert.Contains(new SettleCallbackAttempt(CallbackAttemptOutcome.NoAnswer), effects);
                break;
            case CallbackGreeting:
                Assert.Contains(new MarkEnded(), effects);
                Assert.Contains(new SettleCallbackAttempt(CallbackAttemptOutcome.Answered), effects);
                break;
            default:
                Assert.DoesNotContain(effects, e => e is LeaveQueue or MarkEnded);
                break;
        }

        if (before is Transferring)
        {
            Assert.Contains(effects, e => e is RecordTransfer { Kind: "transfer_not_answered" });
            Assert.Contains(effects, e => e is TellAgent { Notice: TransferResultNotice { Succeeded: false, Detail: "not_answered_call_ended" } });
        }
    }
}
