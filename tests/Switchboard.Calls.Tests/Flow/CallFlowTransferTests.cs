using Switchboard.Calls.Effects;
using Switchboard.Calls.Events;
using Switchboard.Calls.Flow;
using Switchboard.Calls.States;
using Switchboard.Calls.Tests.Support;

namespace Switchboard.Calls.Tests.Flow;

/// <summary>Transfers from the API and from the agent's phone (REFER): one tracked path, every outcome reported.</summary>
public sealed class CallFlowTransferTests
{
    public static TheoryData<DialOutcome> Failures() => new(DialOutcome.Busy, DialOutcome.NoAnswer, DialOutcome.Rejected, DialOutcome.Failed);

    [Fact]
    public void Handle_ExternalTransfer_CallerHearsConnectingThenMusicWhileTargetRings()
    {
        var call = FlowDriver.Inbound().Connected();

        var effects = call.Send(new TransferRequested(FlowDriver.Agent, FlowDriver.Handlaggare, TimeSpan.FromSeconds(25), false));

        Assert.Contains(new UnbridgeLeg(LegId.Caller), effects);
        Assert.Equal(["transfer_connecting"], Assert.Single(effects.OfType<PlayPrompts>()).Prompts);
        Assert.Contains(effects, e => e is RecordTransfer { Kind: "transfer_started" });
        var dial = Assert.Single(effects.OfType<DialLeg>());
        Assert.Equal(LegRole.Target, dial.Leg.Role);
        Assert.Equal(TimeSpan.FromSeconds(25), dial.RingTimeout);

        var music = call.FinishPrompt();
        Assert.True(Assert.Single(music.OfType<PlayPrompts>()).Loop);
    }

    [Fact]
    public void Handle_TargetAnswers_BridgesCallerAndTargetAgentLeavesWithRingTime()
    {
        var call = FlowDriver.Inbound().Transferring();
        var agentLeg = call.AgentLeg;
        var target = call.TargetLeg;
        call.Advance(TimeSpan.FromSeconds(7));

        var effects = call.Send(new LegDialled(target, DialOutcome.Answered, "200 OK", 200));

        Assert.Equal(new TransferredToTarget(target), call.State);
        Assert.Contains(new BridgeLegs(LegId.Caller, target), effects);
        Assert.Contains(new HangUpLeg(agentLeg), effects);
        Assert.Contains(new MarkEnded(), effects);
        Assert.Contains(new TellAgent(new TransferResultNotice(FlowDriver.Agent, true, "answered")), effects);
        var answered = Assert.Single(effects.OfType<RecordTransfer>());
        Assert.Equal("transfer_answered", answered.Kind);
        Assert.Contains(new KeyValuePair<string, string>("ring", "7000"), answered.Fields);
        Assert.DoesNotContain(effects, e => e is NotifyRefer);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void Handle_TargetDoesNotAnswer_BackToTheAgent(DialOutcome outcome)
    {
        var call = FlowDriver.Inbound().Transferring();
        var agentLeg = call.AgentLeg;
        var target = call.TargetLeg;

        var effects = call.Send(new LegDialled(target, outcome, "480 Temporarily Unavailable", 480));

        Assert.IsType<Connected>(call.State);
        Assert.Contains(new HangUpLeg(target), effects);
        Assert.Contains(new BridgeLegs(LegId.Caller, agentLeg), effects);
        Assert.Contains(effects, e => e is RecordTransfer { Kind: "transfer_not_answered" } r && r.Fields.Contains(new("returned_to", "agent")));
        Assert.Contains(new TellAgent(new TransferResultNotice(FlowDriver.Agent, false, "not_answered_returned_to_agent")), effects);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void Handle_TargetDoesNotAnswerWithReturnToQueue_BackInTheQueue(DialOutcome outcome)
    {
        var call = FlowDriver.Inbound().Transferring(returnToQueue: true);
        var agentLeg = call.AgentLeg;

        var effects = call.Send(new LegDialled(call.TargetLeg, outcome, "no", 480));

        Assert.IsType<Queued>(call.State);
        Assert.Contains(new ReturnToQueue(FlowDriver.Handlaggare.Display), effects);
        Assert.Equal(["transfer_failed"], effects.OfType<PlayPrompts>().Last().Prompts);
        Assert.Contains(new HangUpLeg(agentLeg), effects);
        Assert.Contains(new TellAgent(new TransferResultNotice(FlowDriver.Agent, false, "not_answered_returned_to_queue")), effects);
        Assert.True(call.RunningTimers > 0, "the position poll runs");
    }

    [Fact]
    public void Handle_AgentHangsUpWhileTargetRings_NotAnsweredGoesToTheQueue()
    {
        var call = FlowDriver.Inbound().Transferring();
        call.Send(new LegEnded(call.AgentLeg, "BYE"));
        Assert.Null(Assert.IsType<Transferring>(call.State).AgentLeg);

        call.Send(new LegDialled(call.TargetLeg, DialOutcome.NoAnswer, "408", 408));

        Assert.IsType<Queued>(call.State);
    }

    [Fact]
    public void Handle_AgentHangsUpThenTargetAnswers_CallerTalksToTarget()
    {
        var call = FlowDriver.Inbound().Transferring();
        var agentLeg = call.AgentLeg;
        call.Send(new LegEnded(agentLeg, "BYE"));

        var effects = call.Send(new LegDialled(call.TargetLeg, DialOutcome.Answered, "200 OK", 200));

        Assert.IsType<TransferredToTarget>(call.State);
        Assert.DoesNotContain(new HangUpLeg(agentLeg), effects);
    }

    [Fact]
    public void Handle_QueueCannotTakeCallerBack_CallEndsAndAgentIsTold()
    {
        var call = FlowDriver.Inbound().Transferring(returnToQueue: true);
        call.OnReturn = _ => new ReturnedToQueue(false);

        var effects = call.Send(new LegDialled(call.TargetLeg, DialOutcome.NoAnswer, "408", 408));

        Assert.IsType<Ended>(call.State);
        Assert.Contains(new TellAgent(new TransferResultNotice(FlowDriver.Agent, false, "not_answered_return_failed")), effects);
        Assert.Contains(new HangUpLeg(LegId.Caller), effects);
    }

    [Fact]
    public void Handle_RefusedTarget_NothingDialledCallerStaysWithAgent()
    {
        var call = FlowDriver.Inbound().Connected();

        var effects = call.Send(new TransferRequested(FlowDriver.Agent, new RefusedDestination("+46900123", "premium rate"), TimeSpan.FromSeconds(20), false));

        Assert.IsType<Connected>(call.State);
        Assert.DoesNotContain(effects, e => e is DialLeg or UnbridgeLeg);
        Assert.Contains(new TellAgent(new TransferResultNotice(FlowDriver.Agent, false, "refused: premium rate")), effects);
        Assert.Contains(effects, e => e is RecordTransfer { Kind: "transfer_not_answered" });
    }

    [Theory]
    [InlineData("queued")]
    [InlineData("dialling-agent")]
    [InlineData("transferring")]
    [InlineData("ivr")]
    public void Handle_TransferWhenNotConnected_IsRefused(string state)
    {
        var call = CallStates.Reachable[state]();
        var before = call.State;

        var effects = call.Send(new TransferRequested(FlowDriver.Agent, FlowDriver.Handlaggare, TimeSpan.FromSeconds(20), false));

        Assert.Equal(before, call.State);
        Assert.Equal([new TellAgent(new TransferResultNotice(FlowDriver.Agent, false, "refused: the call is not connected to this agent"))], effects);
    }

    [Fact]
    public void Handle_TransferByAnotherAgent_IsRefused()
    {
        var call = FlowDriver.Inbound().Connected();

        var effects = call.Send(new TransferRequested("bo", FlowDriver.Handlaggare, TimeSpan.FromSeconds(20), false));

        Assert.IsType<Connected>(call.State);
        Assert.Single(effects);
    }

    [Fact]
    public void Handle_TransferToQueue_AgentLeavesCallerWaitsThere()
    {
        var call = FlowDriver.Inbound().Connected();
        var agentLeg = call.AgentLeg;

        var effects = call.Send(new TransferRequested(FlowDriver.Agent, new QueueDestination("vaxel"), TimeSpan.FromSeconds(20), false));

        Assert.Equal("vaxel", Assert.IsType<Queued>(call.State).Queue.Id);
        Assert.Contains(effects, e => e is MoveToQueue { Queue.Id: "vaxel" });
        Assert.Contains(new UnbridgeLeg(LegId.Caller), effects);
        Assert.Contains(new HangUpLeg(agentLeg), effects);
        Assert.Contains(new TellAgent(new TransferResultNotice(FlowDriver.Agent, true, "transferred_to_queue")), effects);
        Assert.Equal(["transfer_connecting"], effects.OfType<PlayPrompts>().Last().Prompts);
    }

    [Fact]
    public void Handle_TransferToQueueStoreFails_StaysConnected()
    {
        var call = FlowDriver.Inbound().Connected();
        call.OnMove = _ => new QueueTransferAnswered(false, "unavailable");

        var effects = call.Send(new TransferRequested(FlowDriver.Agent, new QueueDestination("vaxel"), TimeSpan.FromSeconds(20), false));

        Assert.IsType<Connected>(call.State);
        Assert.DoesNotContain(effects, e => e is UnbridgeLeg or HangUpLeg);
        Assert.Contains(new TellAgent(new TransferResultNotice(FlowDriver.Agent, false, "failed: unavailable")), effects);
    }

    [Fact]
    public void Handle_TransferToUnknownQueue_IsRefused()
    {
        var call = FlowDriver.Inbound().Connected();

        var effects = call.Send(new TransferRequested(FlowDriver.Agent, new QueueDestination("nope"), TimeSpan.FromSeconds(20), false));

        Assert.IsType<Connected>(call.State);
        Assert.Equal([new TellAgent(new TransferResultNotice(FlowDriver.Agent, false, "refused: no queue 'nope'"))], effects);
    }

    [Theory]
    [InlineData("connected")]
    [InlineData("agent-on-hold")]
    public void Handle_ReferFromAgentPhone_SameTrackedPathAndNotifiedOnAnswer(string state)
    {
        var call = CallStates.Reachable[state]();
        var agentLeg = call.AgentLeg;

        var refer = call.Send(new ReferReceived(agentLeg, "sip:bygglov@handlaggare.test"));

        Assert.Equal(new AnswerRefer(agentLeg, 202), refer[0]);
        Assert.Contains(refer, e => e is RecordTransfer { Kind: "transfer_started" });
        Assert.Equal(agentLeg, Assert.IsType<Transferring>(call.State).Attempt.ReferredBy);

        var answered = call.Send(new LegDialled(call.TargetLeg, DialOutcome.Answered, "200 OK", 200)).ToList();

        var notify = answered.IndexOf(new NotifyRefer(agentLeg, 200));
        Assert.True(notify >= 0 && notify < answered.IndexOf(new HangUpLeg(agentLeg)), "NOTIFY 200 before the agent leg's BYE");
        Assert.Contains(new TellAgent(new TransferResultNotice(FlowDriver.Agent, true, "answered")), answered);
    }

    [Fact]
    public void Handle_ReferTargetBusy_PhoneIsToldAndGetsTheCallerBack()
    {
        var call = FlowDriver.Inbound().Connected();
        var agentLeg = call.AgentLeg;
        call.Send(new ReferReceived(agentLeg, "sip:bygglov@handlaggare.test"));

        var effects = call.Send(new LegDialled(call.TargetLeg, DialOutcome.Busy, "486 Busy Here", 486));

        Assert.Contains(new NotifyRefer(agentLeg, 486), effects);
        Assert.IsType<Connected>(call.State);
        Assert.Contains(new BridgeLegs(LegId.Caller, agentLeg), effects);
    }

    [Fact]
    public void Handle_ReferToRefusedTarget_Answered403AndReported()
    {
        var call = FlowDriver.Inbound().Connected();

        var effects = call.Send(new ReferReceived(call.AgentLeg, "sip:+46900123@trunk.test"));

        Assert.Equal(new AnswerRefer(call.AgentLeg, 403), effects[0]);
        Assert.IsType<Connected>(call.State);
        Assert.Contains(new TellAgent(new TransferResultNotice(FlowDriver.Agent, false, "refused: not allowed")), effects);
    }

    [Theory]
    [InlineData("ivr")]
    [InlineData("queued")]
    [InlineData("connected")]
    public void Handle_ReferFromCaller_IsForbidden(string state)
    {
        var call = CallStates.Reachable[state]();
        var before = call.State;

        Assert.Equal([new AnswerRefer(LegId.Caller, 403)], call.Send(new ReferReceived(LegId.Caller, "sip:bygglov@handlaggare.test")));
        Assert.Equal(before, call.State);
    }
}
