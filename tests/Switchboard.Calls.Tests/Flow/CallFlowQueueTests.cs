using Switchboard.Calls.Effects;
using Switchboard.Calls.Events;
using Switchboard.Calls.Flow;
using Switchboard.Calls.States;
using Switchboard.Calls.Tests.Support;

namespace Switchboard.Calls.Tests.Flow;

/// <summary>The IVR inside the flow, the queue, the store's answers (also when Redis is away) and the timers on the fake clock.</summary>
public sealed class CallFlowQueueTests
{
    [Fact]
    public void Handle_Enqueued_PositionAnnouncedAndPolledEveryTenSeconds()
    {
        var call = FlowDriver.Inbound().InQueue();
        Assert.Contains(call.Effects, e => e is JoinQueue { Queue.Id: "bsu", Language: "sv" });

        var polled = call.Advance(TimeSpan.FromSeconds(10));

        Assert.Contains(new PollPosition(), polled);
        Assert.Contains(polled, e => e is StartTimer { Name: CallFlow.PositionPollTimer });
    }

    [Fact]
    public void Handle_StoreUnavailableOnEnqueue_TechnicalFaultThenHangUp()
    {
        var call = FlowDriver.Inbound();
        call.OnJoin = _ => new QueueJoined(QueueJoinOutcome.Unavailable, Detail: "redis down");
        call.Answered();
        call.Send(new DigitReceived('1'));
        for (var i = 0; i < 3 && !call.Effects.OfType<PlayPrompts>().Any(p => p.Prompts.Contains("technical_fault")); i++)
        {
            call.FinishPrompt();
        }

        Assert.IsType<InIvr>(call.State);
        Assert.Contains(call.Effects, e => e is PlayPrompts p && p.Prompts.Contains("technical_fault"));

        var effects = call.FinishPrompt();

        Assert.IsType<Ended>(call.State);
        Assert.Contains(new HangUpLeg(LegId.Caller), effects);
        Assert.DoesNotContain(call.Effects, e => e is LeaveQueue);
    }

    [Fact]
    public void Handle_QueueClosedNoAgents_ClosedAndGoodbyeThenHangUp()
    {
        var call = FlowDriver.Inbound();
        call.OnJoin = _ => new QueueJoined(QueueJoinOutcome.Closed);
        call.Answered();
        call.Send(new DigitReceived('1'));
        for (var i = 0; i < 3 && call.Effects.OfType<PlayPrompts>().Last().Prompts is not ["closed", "goodbye"]; i++)
        {
            call.FinishPrompt();
        }

        Assert.Equal(["closed", "goodbye"], call.LastOf<PlayPrompts>().Prompts);
        Assert.Equal(0, call.RunningTimers);

        call.FinishPrompt();

        Assert.Equal("closed", Assert.IsType<Ended>(call.State).Reason);
    }

    [Fact]
    public void Handle_PollFindsNothing_NoAnnouncementButPollsAgain()
    {
        var call = FlowDriver.Inbound().InQueue();
        call.OnPoll = _ => new PositionPolled(null, null);
        var played = call.Effects.OfType<PlayPrompts>().Count();

        var effects = call.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(played, call.Effects.OfType<PlayPrompts>().Count());
        Assert.Contains(effects, e => e is StartTimer { Name: CallFlow.PositionPollTimer });
    }

    [Fact]
    public void Handle_NoKeyInMainMenu_MenuRepeatsOnTheFakeClock()
    {
        var call = FlowDriver.Inbound().Answered();
        for (var i = 0; i < 3 && !call.Effects.OfType<StartTimer>().Any(t => t.Name == "no-input"); i++)
        {
            call.FinishPrompt();
        }

        var menus = call.Effects.OfType<PlayPrompts>().Count(p => p.Prompts.Contains("menu_main"));
        var effects = call.Advance(TimeSpan.FromSeconds(6));

        Assert.True(call.Effects.OfType<PlayPrompts>().Count(p => p.Prompts.Contains("menu_main")) > menus, string.Join(", ", effects));
    }

    [Fact]
    public void Handle_CallbackAccepted_CallLeavesTheQueue()
    {
        var call = FlowDriver.Inbound().InQueue();
        call.Advance(TimeSpan.FromMinutes(2)); // bsu offers a callback after 2 minutes
        Assert.Contains(call.Effects, e => e is PlayPrompts p && p.Prompts.Contains("callback_offer"));

        call.Send(new DigitReceived('1'));
        for (var i = 0; i < 5 && !call.Effects.OfType<FileCallback>().Any(); i++)
        {
            call.Send(new DigitReceived('1'));
            call.FinishPrompt();
        }

        var file = Assert.Single(call.Effects.OfType<FileCallback>());
        Assert.True(file.KeepPlace);
        Assert.Equal("bsu", file.Queue.Id);
        Assert.IsNotType<Queued>(call.State);
    }

    [Fact]
    public void Handle_CallbackRefusedByStore_CallerMayTryAnotherNumberAndKeepsPlace()
    {
        var call = FlowDriver.Inbound().InQueue();
        call.OnFile = _ => new CallbackFiled("unavailable: redis down");
        call.Advance(TimeSpan.FromMinutes(2));
        for (var i = 0; i < 5 && !call.Effects.OfType<FileCallback>().Any(); i++)
        {
            call.Send(new DigitReceived('1'));
            call.FinishPrompt();
        }

        Assert.Single(call.Effects.OfType<FileCallback>());
        Assert.IsType<Queued>(call.State);
        Assert.Contains(call.Effects, e => e is PlayPrompts p && p.Prompts.Contains("callback_invalid_number"));
    }

    [Fact]
    public void Handle_OfferCallbackWhenNobodySignedIn_IvrRunsTheCallbackDialogue()
    {
        var call = FlowDriver.Inbound();
        call.OnJoin = _ => new QueueJoined(QueueJoinOutcome.OfferCallback);
        call.Answered();
        call.Send(new DigitReceived('1'));
        for (var i = 0; i < 3 && call.State is not InIvr; i++)
        {
            call.FinishPrompt();
        }

        Assert.IsType<InIvr>(call.State);
        Assert.Contains(call.Effects, e => e is PlayPrompts p && p.Prompts.Any(x => x.StartsWith("callback", StringComparison.Ordinal)));
    }
}
