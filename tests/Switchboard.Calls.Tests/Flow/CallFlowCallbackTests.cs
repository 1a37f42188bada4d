using Switchboard.Calls.Effects;
using Switchboard.Calls.Events;
using Switchboard.Calls.Flow;
using Switchboard.Calls.States;
using Switchboard.Calls.Tests.Support;

namespace Switchboard.Calls.Tests.Flow;

/// <summary>A callback is the same call with another start: agent first, then the citizen, hello, bridge.</summary>
public sealed class CallFlowCallbackTests
{
    public static TheoryData<DialOutcome> Failures() => new(DialOutcome.Busy, DialOutcome.NoAnswer, DialOutcome.Rejected, DialOutcome.Failed);

    [Fact]
    public void Handle_Started_DialsTheAgentShowingTheCitizensNumber()
    {
        var call = FlowDriver.Callback();

        var effects = call.Send(new FlowStarted());

        var dial = Assert.Single(effects.OfType<DialLeg>());
        Assert.Equal(new AgentPhone(FlowDriver.AgentSip, FlowDriver.Caller, "Callback"), dial.Destination);
        Assert.Equal(TimeSpan.FromSeconds(20), dial.RingTimeout);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void Handle_AgentMissesTheCallback_AttemptDoesNotCount(DialOutcome outcome)
    {
        var call = FlowDriver.Callback().CallbackRinging();
        var agentLeg = call.AgentLeg;

        var effects = call.Send(new LegDialled(agentLeg, outcome, "no", 480));

        Assert.IsType<Ended>(call.State);
        Assert.Contains(new SettleCallbackAttempt(CallbackAttemptOutcome.AgentNotReached), effects);
        Assert.Contains(new HangUpLeg(agentLeg), effects);
        Assert.DoesNotContain(effects, e => e is DialLeg);
    }

    [Fact]
    public void Handle_AgentAnswers_CitizenIsDialledThroughTheTrunk()
    {
        var call = FlowDriver.Callback().CallbackRinging();

        var effects = call.Send(new LegDialled(call.AgentLeg, DialOutcome.Answered, "200 OK", 200));

        Assert.Equal(new DialLeg(LegId.Caller, new CitizenViaTrunk(FlowDriver.Caller), TimeSpan.FromSeconds(45)), Assert.Single(effects));
    }

    [Theory]
    [InlineData(DialOutcome.NoAnswer, CallbackAttemptOutcome.NoAnswer)]
    [InlineData(DialOutcome.Busy, CallbackAttemptOutcome.Busy)]
    [InlineData(DialOutcome.Rejected, CallbackAttemptOutcome.Failed)]
    [InlineData(DialOutcome.Failed, CallbackAttemptOutcome.Failed)]
    public void Handle_CitizenUnreachable_OutcomeRecordedBothLegsLetGo(DialOutcome outcome, CallbackAttemptOutcome expected)
    {
        var call = FlowDriver.Callback().CallbackCitizenRinging();
        var agentLeg = call.AgentLeg;

        var effects = call.Send(new LegDialled(LegId.Caller, outcome, "no", 486));

        Assert.IsType<Ended>(call.State);
        Assert.Contains(new SettleCallbackAttempt(expected), effects);
        Assert.Contains(new HangUpLeg(agentLeg), effects);
        Assert.DoesNotContain(effects, e => e is MarkAnswered);
    }

    [Fact]
    public void Handle_CitizenAnswers_HelloThenBridge()
    {
        var call = FlowDriver.Callback().CallbackCitizenRinging();
        var agentLeg = call.AgentLeg;

        var answered = call.Send(new LegDialled(LegId.Caller, DialOutcome.Answered, "200 OK", 200));

        Assert.Contains(new MarkAnswered(), answered);
        Assert.DoesNotContain(answered, e => e is SettleCallbackAttempt);
        Assert.Equal(["callback_hello"], Assert.Single(answered.OfType<PlayPrompts>()).Prompts);
        Assert.DoesNotContain(answered, e => e is BridgeLegs);

        var bridged = call.FinishPrompt();

        Assert.Equal(new Connected(null, FlowDriver.Agent, agentLeg), call.State);
        Assert.Contains(new BridgeLegs(LegId.Caller, agentLeg), bridged);
        Assert.Contains(new SettleCallbackAttempt(CallbackAttemptOutcome.Answered), bridged);
    }

    [Fact]
    public void Handle_AgentHangsUpWhileCitizenRings_CitizenDialCancelled()
    {
        var call = FlowDriver.Callback().CallbackCitizenRinging();

        var effects = call.Send(new LegEnded(call.AgentLeg, "BYE"));

        Assert.IsType<Ended>(call.State);
        Assert.Contains(new HangUpLeg(LegId.Caller), effects);
        Assert.Contains(new SettleCallbackAttempt(CallbackAttemptOutcome.AgentNotReached), effects);
    }

    [Fact]
    public void Handle_AgentHangsUpDuringHello_CitizenGetsByeAndAcdHearsTheEnd()
    {
        var call = FlowDriver.Callback().CallbackGreeting();

        var effects = call.Send(new LegEnded(call.AgentLeg, "BYE"));

        Assert.IsType<Ended>(call.State);
        Assert.Contains(new HangUpLeg(LegId.Caller), effects);
        Assert.Contains(new MarkEnded(), effects);
        Assert.Equal(new SettleCallbackAttempt(CallbackAttemptOutcome.Answered), Assert.Single(call.Effects.OfType<SettleCallbackAttempt>()));
    }

    [Fact]
    public void Handle_ConnectedCallbackHeld_CitizenHearsMusic()
    {
        var call = FlowDriver.Callback().CallbackConnected();

        var effects = call.Send(new LegHeld(call.AgentLeg));

        Assert.IsType<AgentOnHold>(call.State);
        Assert.Contains(effects, e => e is PlayPrompts { Loop: true });
    }

    [Fact]
    public void Handle_SettledOnce_WhateverFollows()
    {
        var call = FlowDriver.Callback().CallbackConnected();

        call.Send(new LegEnded(LegId.Caller, "BYE"));

        Assert.Single(call.Effects.OfType<SettleCallbackAttempt>());
    }
}
