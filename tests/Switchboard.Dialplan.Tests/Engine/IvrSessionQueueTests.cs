using Switchboard.Dialplan.Engine;
using Switchboard.Dialplan.Model;
using Switchboard.Dialplan.Tests.Support;
using static Switchboard.Dialplan.Tests.Support.EngineHarness;

namespace Switchboard.Dialplan.Tests.Engine;

public class IvrSessionQueueTests
{
    private static readonly DialplanDefinition Kommun = TestDialplans.Kommun();

    private static (IvrSession Session, IReadOnlyList<IvrCommand> Commands) Queued(char key = '1', string caller = "0701234567")
    {
        var session = Session(Kommun, "2026-11-23T10:00");
        session.Handle(new CallStarted(caller));
        session.Handle(new PromptFinished());
        return (session, session.Handle(new DigitPressed(key)));
    }

    [Fact]
    public void Handle_Enqueued_SetsAnnounceCallbackAndMaxWaitTimers()
    {
        var (_, commands) = Queued();
        var timers = commands.OfType<SetTimer>().ToDictionary(t => t.Name, t => t.Delay);
        Assert.Equal(TimeSpan.FromSeconds(60), timers[IvrTimers.Announce]);
        Assert.Equal(TimeSpan.FromMinutes(2), timers[IvrTimers.CallbackOffer]);
        Assert.Equal(TimeSpan.FromMinutes(30), timers[IvrTimers.MaxWait]);
    }

    [Fact]
    public void Handle_QueuePromptFinished_LoopsMusicOnHold()
    {
        var (session, _) = Queued();
        var play = Single<PlayPrompts>(session.Handle(new PromptFinished()));
        Assert.Equal(["music_on_hold"], play.Prompts);
        Assert.True(play.Loop);
    }

    [Fact]
    public void Handle_FirstQueueUpdate_AnnouncesPositionAndWait()
    {
        var (session, _) = Queued();
        session.Handle(new PromptFinished());
        var prompts = Played(session.Handle(new QueueUpdate(23, TimeSpan.FromMinutes(4))));
        Assert.Equal(["position_prefix", "num_20", "num_3", "position_suffix", "wait_prefix", "num_4", "minutes"], prompts);
        Assert.Equal(["music_on_hold"], Played(session.Handle(new PromptFinished())));
        Assert.Empty(session.Handle(new QueueUpdate(22, TimeSpan.FromMinutes(3))));
    }

    [Fact]
    public void Handle_AnnounceTimer_AnnouncesLatestAndRearms()
    {
        var (session, _) = Queued();
        session.Handle(new PromptFinished());
        session.Handle(new QueueUpdate(3, TimeSpan.FromSeconds(40)));
        session.Handle(new PromptFinished());
        session.Handle(new QueueUpdate(1, TimeSpan.FromSeconds(20)));
        var commands = session.Handle(new TimerElapsed(IvrTimers.Announce));
        Assert.Equal(["position_prefix", "num_1", "position_suffix", "wait_prefix", "wait_less_than_minute"], Played(commands));
        Assert.Equal(TimeSpan.FromSeconds(60), Single<SetTimer>(commands).Delay);
    }

    [Fact]
    public void Handle_VaxelAnnouncesPositionOnly()
    {
        var (session, _) = Queued('0');
        session.Handle(new PromptFinished());
        Assert.Equal(["position_prefix", "num_2", "position_suffix"], Played(session.Handle(new QueueUpdate(2, TimeSpan.FromMinutes(1)))));
    }

    [Fact]
    public void Handle_CallbackOfferAccepted_KeepsPlace()
    {
        var (session, _) = Queued();
        session.Handle(new PromptFinished());
        Assert.Equal(["callback_offer"], Played(session.Handle(new TimerElapsed(IvrTimers.CallbackOffer))));
        var readBack = session.Handle(new DigitPressed('1'));
        Assert.Contains(readBack, c => c is StopPlayback);
        Assert.Equal(IvrPhase.CallbackConfirm, session.Phase);
        session.Handle(new PromptFinished());
        var commands = session.Handle(new DigitPressed('1'));
        Assert.Equal(new RequestCallback("bsu", "0701234567", true), Single<RequestCallback>(commands));
        Assert.Equal(["callback_confirmed", "goodbye"], Played(commands));
        Assert.Equal(new IvrOutcome(OutcomeKind.Callback, Queue: "bsu"), session.Outcome);
    }

    [Fact]
    public void Handle_CallbackKeyBeforeOffer_IsIgnored()
    {
        var (session, _) = Queued();
        session.Handle(new PromptFinished());
        Assert.Empty(session.Handle(new DigitPressed('1')));
        Assert.Equal(IvrPhase.Queued, session.Phase);
    }

    [Fact]
    public void Handle_CallbackWithOtherNumber_EntersAndConfirmsIt()
    {
        var (session, _) = Queued();
        session.Handle(new PromptFinished());
        session.Handle(new TimerElapsed(IvrTimers.CallbackOffer));
        session.Handle(new DigitPressed('1'));
        session.Handle(new PromptFinished());
        Assert.Equal(["callback_enter_number"], Played(session.Handle(new DigitPressed('2'))));
        foreach (var digit in "08123456")
        {
            session.Handle(new DigitPressed(digit));
        }

        var confirm = Played(session.Handle(new DigitPressed('#')));
        Assert.Equal(["callback_number_is", "digit_0", "digit_8", "digit_1", "digit_2", "digit_3", "digit_4", "digit_5", "digit_6", "callback_confirm"], confirm);
        Assert.Equal("08123456", Single<RequestCallback>(session.Handle(new DigitPressed('1'))).Number);
    }

    [Fact]
    public void Handle_CallbackNumberTooShort_SaysInvalidAndAsksAgain()
    {
        var (session, _) = Queued(caller: "anonymous");
        session.Handle(new PromptFinished());
        session.Handle(new TimerElapsed(IvrTimers.CallbackOffer));
        Assert.Equal(["callback_enter_number"], Played(session.Handle(new DigitPressed('1'))));
        session.Handle(new DigitPressed('1'));
        Assert.Equal(["callback_invalid_number", "callback_enter_number"], Played(session.Handle(new DigitPressed('#'))));
    }

    [Fact]
    public void Handle_MaxWaitReached_StartsCallbackDialogue()
    {
        var (session, _) = Queued();
        session.Handle(new PromptFinished());
        var commands = session.Handle(new TimerElapsed(IvrTimers.MaxWait));
        Assert.Equal("callback_number_is", Played(commands)[0]);
        Assert.Equal(IvrPhase.CallbackConfirm, session.Phase);
    }

    [Fact]
    public void Handle_QueueUnavailable_PlaysTechnicalFaultAndHangsUp()
    {
        var (session, _) = Queued();
        var commands = session.Handle(new QueueUnavailable());
        Assert.Equal(["technical_fault"], Played(commands));
        Assert.Contains(commands, c => c is CancelTimer { Name: IvrTimers.MaxWait });
        Assert.IsType<HangUp>(Assert.Single(session.Handle(new PromptFinished())));
        Assert.Equal(OutcomeKind.HangUp, session.Outcome!.Kind);
    }

    [Fact]
    public void Handle_AgentConnected_CancelsTimersAndEnds()
    {
        var (session, _) = Queued();
        session.Handle(new PromptFinished());
        var commands = session.Handle(new AgentConnected());
        Assert.Equal(3, commands.OfType<CancelTimer>().Count());
        Assert.Equal(IvrPhase.Done, session.Phase);
    }

    [Theory]
    [InlineData(0, new[] { "num_0" })]
    [InlineData(20, new[] { "num_20" })]
    [InlineData(21, new[] { "num_20", "num_1" })]
    [InlineData(90, new[] { "num_90" })]
    [InlineData(100, new[] { "num_100" })]
    [InlineData(115, new[] { "num_100", "num_15" })]
    [InlineData(199, new[] { "num_100", "num_90", "num_9" })]
    [InlineData(500, new[] { "num_100", "num_90", "num_9" })]
    public void Number_Value_ComposesAgreedPrompts(int value, string[] expected) =>
        Assert.Equal(expected, NumberPrompts.Number(value));
}
