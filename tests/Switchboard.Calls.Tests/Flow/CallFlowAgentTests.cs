using Switchboard.Calls.Effects;
using Switchboard.Calls.Events;
using Switchboard.Calls.Flow;
using Switchboard.Calls.States;
using Switchboard.Calls.Tests.Support;

namespace Switchboard.Calls.Tests.Flow;

/// <summary>From the queue to the agent: the dial, its outcomes, the bridge, hold and resume from the agent's phone.</summary>
public sealed class CallFlowAgentTests
{
    public static TheoryData<DialOutcome> Failures() => new(DialOutcome.Busy, DialOutcome.NoAnswer, DialOutcome.Rejected, DialOutcome.Failed);

    [Fact]
    public void Handle_AckArrives_IvrStartsOnlyThen()
    {
        var call = FlowDriver.Inbound();
        Assert.IsType<Answering>(call.State);
        Assert.Empty(call.Effects);

        var effects = call.Send(new LegConfirmed(LegId.Caller, "PCMU"));

        Assert.IsType<InIvr>(call.State);
        Assert.Contains(effects, e => e is PlayPrompts { Leg.Role: LegRole.Caller });
    }

    [Fact]
    public void Handle_AgentAccepts_DialsTheirPhoneWithTheQueuesOfferTimeout()
    {
        var call = FlowDriver.Inbound().InQueue();

        var effects = call.Send(new AgentAccepted(FlowDriver.Agent, FlowDriver.AgentSip));

        var dial = Assert.Single(effects.OfType<DialLeg>());
        Assert.Equal(LegRole.Agent, dial.Leg.Role);
        Assert.Equal(new AgentPhone(FlowDriver.AgentSip, FlowDriver.Caller), dial.Destination);
        Assert.Equal(TestPlans.Kommun.Queues["bsu"].OfferTimeout, dial.RingTimeout);
    }

    [Fact]
    public void Handle_AgentAnswers_BridgesTellsAcdAndAgent()
    {
        var call = FlowDriver.Inbound().Dialling();
        var leg = call.AgentLeg;

        var effects = call.Send(new LegDialled(leg, DialOutcome.Answered, "200 OK", 200));

        Assert.Equal(new Connected(TestPlans.Kommun.Queues["bsu"], FlowDriver.Agent, leg), call.State);
        Assert.Contains(new MarkAnswered(), effects);
        Assert.Contains(new BridgeLegs(LegId.Caller, leg), effects);
        Assert.Contains(new TellAgent(new CallConnectedNotice(FlowDriver.Agent, "bsu")), effects);
        Assert.Equal(new BridgedAudio(leg), call.Flow.Audio);
        Assert.Equal(0, call.RunningTimers);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void Handle_AgentPhoneDoesNotAnswer_CallerKeepsPlaceAndAgentIsGivenBack(DialOutcome outcome)
    {
        var call = FlowDriver.Inbound().Dialling();
        var leg = call.AgentLeg;

        var effects = call.Send(new LegDialled(leg, outcome, "486 Busy Here", 486));

        Assert.IsType<Queued>(call.State);
        Assert.Contains(new HangUpLeg(leg), effects);
        Assert.Contains(new RejectOffer(FlowDriver.Agent), effects);
        Assert.DoesNotContain(effects, e => e is MarkAnswered or BridgeLegs);
        Assert.True(call.RunningTimers > 0, "the position poll runs again");
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void Handle_NextAgentAfterAMiss_GetsANewLegAndTheOldLateAnswerIsLetGo(DialOutcome outcome)
    {
        var call = FlowDriver.Inbound().Dialling();
        var first = call.AgentLeg;
        call.Send(new LegDialled(first, outcome, "no", 480));

        call.Send(new AgentAccepted("bo", "sip:bo@127.0.0.1"));
        var second = call.AgentLeg;

        Assert.NotEqual(first, second);
        Assert.Equal([new HangUpLeg(first)], call.Send(new LegDialled(first, DialOutcome.Answered, "200 OK", 200)));
        Assert.IsType<DiallingAgent>(call.State);
    }

    [Fact]
    public void Handle_SecondAcceptWhileDialling_IsRejected()
    {
        var call = FlowDriver.Inbound().Dialling();

        Assert.Equal([new RejectOffer("bo")], call.Send(new AgentAccepted("bo", "sip:bo@127.0.0.1")));
    }

    [Fact]
    public void Handle_AcceptWhileInMenus_IsRejected()
    {
        var call = FlowDriver.Inbound().Answered();

        Assert.Equal([new RejectOffer("bo")], call.Send(new AgentAccepted("bo", "sip:bo@127.0.0.1")));
    }

    [Fact]
    public void Handle_AgentPhoneHolds_CallerHearsMusicUntilResume()
    {
        var call = FlowDriver.Inbound().Connected();
        var leg = call.AgentLeg;

        var held = call.Send(new LegHeld(leg));

        Assert.IsType<AgentOnHold>(call.State);
        Assert.Contains(new UnbridgeLeg(LegId.Caller), held);
        var music = Assert.Single(held.OfType<PlayPrompts>());
        Assert.Equal(["music_on_hold"], music.Prompts);
        Assert.True(music.Loop);

        var resumed = call.Send(new LegResumed(leg));

        Assert.IsType<Connected>(call.State);
        Assert.Equal([new StopPlayback(LegId.Caller), new BridgeLegs(LegId.Caller, leg)], resumed);
    }

    [Fact]
    public void Handle_HoldTwiceAndResumeTwice_AreIdempotent()
    {
        var call = FlowDriver.Inbound().OnHold();

        Assert.Empty(call.Send(new LegHeld(call.AgentLeg)));
        call.Send(new LegResumed(call.AgentLeg));
        Assert.Empty(call.Send(new LegResumed(call.AgentLeg)));
        Assert.IsType<Connected>(call.State);
    }

    [Fact]
    public void Handle_CallerHolds_NothingChanges()
    {
        var call = FlowDriver.Inbound().Connected();

        Assert.Empty(call.Send(new LegHeld(LegId.Caller)));
        Assert.IsType<Connected>(call.State);
    }

    [Fact]
    public void Handle_DigitsWhileConnected_DoNotReachTheIvr()
    {
        var call = FlowDriver.Inbound().Connected();

        Assert.Empty(call.Send(new DigitReceived('5')));
    }

    [Theory]
    [InlineData(200, DialOutcome.Answered)]
    [InlineData(486, DialOutcome.Busy)]
    [InlineData(600, DialOutcome.Busy)]
    [InlineData(408, DialOutcome.NoAnswer)]
    [InlineData(480, DialOutcome.NoAnswer)]
    [InlineData(487, DialOutcome.NoAnswer)]
    [InlineData(603, DialOutcome.Rejected)]
    [InlineData(403, DialOutcome.Rejected)]
    [InlineData(404, DialOutcome.Failed)]
    [InlineData(488, DialOutcome.Failed)]
    [InlineData(503, DialOutcome.Failed)]
    public void FromStatus_FinalResponse_MapsToOutcome(int status, DialOutcome expected) =>
        Assert.Equal(expected, DialOutcomes.FromStatus(status));
}
