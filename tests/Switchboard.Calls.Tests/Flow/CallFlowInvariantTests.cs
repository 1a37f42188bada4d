using Switchboard.Calls.Effects;
using Switchboard.Calls.Events;
using Switchboard.Calls.Flow;
using Switchboard.Calls.States;
using Switchboard.Calls.Tests.Support;

namespace Switchboard.Calls.Tests.Flow;

/// <summary>Every event in every state: nothing throws, a call ends at most once, nothing but letting go follows the end.</summary>
public sealed class CallFlowInvariantTests
{
    private static readonly Dictionary<string, Func<FlowDriver, CallEvent>> Events = new(StringComparer.Ordinal)
    {
        ["confirmed"] = _ => new LegConfirmed(LegId.Caller, "PCMU"),
        ["started"] = _ => new FlowStarted(),
        ["digit"] = _ => new DigitReceived('1'),
        ["stale-playback"] = _ => new PlaybackFinished(-1),
        ["current-playback"] = d => new PlaybackFinished(d.Effects.OfType<PlayPrompts>().LastOrDefault()?.PlaybackId ?? 0),
        ["poll-timer"] = _ => new TimerFired(CallFlow.PositionPollTimer),
        ["unknown-timer"] = _ => new TimerFired("nope"),
        ["accepted"] = _ => new AgentAccepted("bo", "sip:bo@127.0.0.1"),
        ["stray-leg-answered"] = _ => new LegDialled(new LegId(LegRole.Agent, 99), DialOutcome.Answered, "200 OK", 200),
        ["stray-leg-ended"] = _ => new LegEnded(new LegId(LegRole.Target, 99), "BYE"),
        ["caller-ended"] = _ => new LegEnded(LegId.Caller, "BYE"),
        ["caller-held"] = _ => new LegHeld(LegId.Caller),
        ["caller-resumed"] = _ => new LegResumed(LegId.Caller),
        ["caller-refer"] = _ => new ReferReceived(LegId.Caller, "sip:x@handlaggare.test"),
        ["caller-rtp"] = _ => new MediaTimedOut(LegId.Caller),
        ["stray-rtp"] = _ => new MediaTimedOut(new LegId(LegRole.Agent, 99)),
        ["transfer"] = _ => new TransferRequested(FlowDriver.Agent, FlowDriver.Handlaggare, TimeSpan.FromSeconds(5), false),
        ["transfer-queue"] = _ => new TransferRequested(FlowDriver.Agent, new QueueDestination("vaxel"), TimeSpan.FromSeconds(5), false),
        ["hang-up"] = _ => new HangUpRequested("supervisor"),
        ["shutdown"] = _ => new ShutdownRequested(),
        ["stray-replies"] = _ => new QueueJoined(QueueJoinOutcome.Queued),
        ["stray-position"] = _ => new PositionPolled(1, null),
    };

    public static TheoryData<string, string> EveryEventInEveryState()
    {
        var data = new TheoryData<string, string>();
        foreach (var state in CallStates.Reachable.Keys)
        {
            foreach (var e in Events.Keys)
            {
                data.Add(state, e);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryEventInEveryState))]
    public void Handle_AnyEventTwiceThenShutdown_EndsExactlyOnce(string state, string name)
    {
        var call = CallStates.Reachable[state]();

        call.Send(Events[name](call));
        call.Send(Events[name](call));
        call.Send(new ShutdownRequested());

        Assert.IsType<Ended>(call.State);
        var finish = call.Effects.FindIndex(e => e is FinishCall);
        Assert.Single(call.Effects.OfType<FinishCall>());
        Assert.All(call.Effects.Skip(finish + 1), e => Assert.True(e is HangUpLeg or RejectOffer, $"{e} after the end"));
        Assert.Equal(0, call.RunningTimers);
        Assert.True(call.Effects.OfType<SettleCallbackAttempt>().Count() <= 1, "a callback attempt is settled at most once");
        Assert.True(call.Effects.OfType<MarkEnded>().Count() <= 1, "the ACD hears the end at most once");
    }
}
